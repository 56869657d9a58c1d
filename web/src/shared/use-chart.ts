/**
 * An ECharts chart in an element: created on mount, resized with the element, disposed on unmount, and
 * drawn again from `option()` whenever `source` changes. The component registers the chart types it
 * uses (`use([...])` from echarts/core) so the bundle keeps only those. `setup` binds event handlers once.
 */
import { onBeforeUnmount, onMounted, watch, type Ref, type WatchSource } from 'vue'
import { init, type ECharts, type EChartsCoreOption } from 'echarts/core'

export function useChart(el: Readonly<Ref<HTMLElement | null>>, source: WatchSource, option: () => EChartsCoreOption, setup?: (chart: ECharts) => void): void {
  let instance: ECharts | null = null
  let observer: ResizeObserver | null = null

  function render(): void {
    instance?.setOption(option(), true)
  }

  onMounted(() => {
    if (!el.value) return
    instance = init(el.value)
    setup?.(instance)
    render()
    observer = new ResizeObserver(() => instance?.resize())
    observer.observe(el.value)
  })

  watch(source, render)

  onBeforeUnmount(() => {
    observer?.disconnect()
    instance?.dispose()
    instance = null
  })
}
