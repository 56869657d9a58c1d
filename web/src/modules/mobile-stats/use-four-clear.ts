/** 四清 of a subtree: the summary and a drill-down to the members failing an item (or at a score). */
import { ref, shallowRef, watch } from 'vue'
import { oneOf } from '@/shared/api'
import { usePagedList } from '@/shared/use-paged-list'
import { mobileStatsApi } from './api'
import { FOUR_CLEAR_ITEMS, type FourClearRow, type FourClearSummary } from './types'

export type FourClearFilters = { orgId: string; failing: string; score: string }

export function useFourClear() {
  const summary = shallowRef<FourClearSummary | null>(null)
  const summaryLoading = ref(false)
  const list = usePagedList<FourClearRow, FourClearFilters>({
    filters: { orgId: '', failing: '', score: '' },
    accept: { failing: (v) => oneOf(FOUR_CLEAR_ITEMS, v) !== undefined, score: (v) => /^[0-4]$/.test(v) },
    fetch: (p) =>
      mobileStatsApi.fourClearMembers({
        orgId: p.orgId || undefined,
        failing: oneOf(FOUR_CLEAR_ITEMS, p.failing),
        score: p.score === '' ? undefined : Number(p.score),
        page: p.page,
        pageSize: p.pageSize,
      }),
  })

  async function loadSummary(): Promise<void> {
    summaryLoading.value = true
    try {
      summary.value = await mobileStatsApi.fourClear(list.applied.value.orgId || undefined)
    } finally {
      summaryLoading.value = false
    }
  }
  watch(() => list.applied.value.orgId, loadSummary, { immediate: true })

  function drill(failing: string, score = ''): void {
    list.filters.failing = failing
    list.filters.score = score
    void list.search()
  }

  return { list, summary, summaryLoading, drill }
}
