/** 事件 queue: one subtree's events with quick views (待研判, 待派单 …), filters in the URL, newest first. */
import { computed, onMounted, ref } from 'vue'
import { oneOf } from '@/shared/api'
import { usePagedList } from '@/shared/use-paged-list'
import { gridApi } from './api'
import { EVENT_STATUSES, NETWORKS, QUEUE_VIEWS, type CategoryRow, type EventRow } from './types'

export type EventFilters = { view: string; orgId: string; status: string; categoryId: string; network: string; overdue: string; outside: string; from: string; to: string; q: string }

export function useEvents() {
  const capped = ref(false)
  const list = usePagedList<EventRow, EventFilters>({
    filters: { view: 'all', orgId: '', status: '', categoryId: '', network: '', overdue: '', outside: '', from: '', to: '', q: '' },
    accept: {
      view: (v) => QUEUE_VIEWS.some((x) => x.key === v),
      status: (v) => oneOf(EVENT_STATUSES, v) !== undefined,
      network: (v) => oneOf(NETWORKS, v) !== undefined,
      overdue: (v) => v === 'true',
      outside: (v) => v === 'true',
    },
    fetch: async (p) => {
      const page = await gridApi.events({
        orgId: p.orgId || undefined,
        status: oneOf(EVENT_STATUSES, p.status),
        categoryId: p.categoryId || undefined,
        network: oneOf(NETWORKS, p.network),
        overdue: p.overdue === 'true' || undefined,
        outside: p.outside === 'true' || undefined,
        from: p.from || undefined,
        to: p.to || undefined,
        q: p.q.trim() || undefined,
        page: p.page,
        pageSize: p.pageSize,
      })
      capped.value = page.totalIsLowerBound
      return page
    },
  })

  const categories = ref<CategoryRow[]>([])
  /** The category tree for the filter's cascader (top categories with their leaves). */
  const categoryTree = computed(() =>
    categories.value
      .filter((c) => !c.parentId)
      .map((c) => ({ value: c.id, label: c.name, children: categories.value.filter((x) => x.parentId === c.id).map((x) => ({ value: x.id, label: x.name })) })),
  )
  onMounted(async () => {
    categories.value = await gridApi.categories()
  })

  /** Switches the quick view: its filters replace the status/overdue/outside filters. */
  function setView(key: string): void {
    const view = QUEUE_VIEWS.find((v) => v.key === key) ?? QUEUE_VIEWS[QUEUE_VIEWS.length - 1]!
    const f = view.filters as Partial<Record<'status' | 'overdue' | 'outside', string>>
    list.filters.view = view.key
    list.filters.status = f.status ?? ''
    list.filters.overdue = f.overdue ?? ''
    list.filters.outside = f.outside ?? ''
    void list.search()
  }

  /** A district's whole history is not counted for every page: past the cap the total reads 10000+. */
  const totalText = computed(() => (capped.value ? `${list.total.value}+` : String(list.total.value)))

  return { list, categoryTree, setView, totalText }
}
