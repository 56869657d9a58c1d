/**
 * A server-paged, filterable, sortable list whose state lives in the URL query, so a clerk can
 * bookmark or refresh a filtered page. Used by every list page (members, residents, users, audit …).
 */
import { computed, reactive, ref, shallowRef, watch, type Ref, type UnwrapRef } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router'
import type { Page } from './types'

export const PAGE_SIZES = [20, 50, 100] as const

export type FilterValues = Record<string, string>

export type ListParams<F extends FilterValues> = F & {
  page: number
  pageSize: number
  sort?: string
}

/** Table column prop → server sort keys. Omit `desc` when the server has no descending order. */
export type SortMap = Record<string, { asc?: string; desc?: string }>

export interface TableSort {
  prop: string
  order: 'ascending' | 'descending'
}

export interface PagedListOptions<Row, F extends FilterValues> {
  /** Filters and their defaults ('' = not set). Each is kept in the URL under the same key. */
  filters: F
  /** Per filter: whether a value read from the URL is one the server takes (else the default is used). */
  accept?: { [K in keyof F]?: (value: string) => boolean }
  fetch: (params: ListParams<F>) => Promise<Page<Row>>
  sortMap?: SortMap
  /** Server default sort key; not written to the URL. */
  defaultSort?: string
  defaultPageSize?: number
  /** Keep state in the URL query (default true). */
  syncUrl?: boolean
}

function first(value: LocationQuery[string] | undefined): string | undefined {
  if (Array.isArray(value)) return value[0] ?? undefined
  return value ?? undefined
}

export function usePagedList<Row, F extends FilterValues>(options: PagedListOptions<Row, F>) {
  const route = useRoute()
  const router = useRouter()
  const ownPath = route.path
  const syncUrl = options.syncUrl ?? true
  const defaultPageSize = options.defaultPageSize ?? PAGE_SIZES[0]
  const defaults = { ...options.filters }
  const keys = Object.keys(defaults) as (keyof F & string)[]

  /** What the filter inputs are bound to (applied on 查询). */
  const filters = reactive({ ...defaults }) as UnwrapRef<F>
  /** What the current result reflects. */
  const applied = shallowRef<F>({ ...defaults })
  const page = ref(1)
  const pageSize = ref<number>(defaultPageSize)
  const sort = ref(options.defaultSort ?? '')
  const rows = shallowRef<Row[]>([]) as Ref<Row[]>
  const total = ref(0)
  const loading = ref(false)
  const loaded = ref(false)
  let requestSeq = 0

  const hasFilters = computed(() => keys.some((k) => applied.value[k] !== defaults[k]))

  async function load(): Promise<void> {
    const seq = ++requestSeq
    loading.value = true
    try {
      const params = {
        ...applied.value,
        page: page.value,
        pageSize: pageSize.value,
        ...(sort.value ? { sort: sort.value } : {}),
      } as ListParams<F>
      const result = await options.fetch(params)
      if (seq !== requestSeq) return
      rows.value = result.items
      total.value = result.total
      // the server may clamp an out-of-range page
      if (result.items.length === 0 && result.total > 0 && page.value > 1) {
        const last = Math.max(1, Math.ceil(result.total / pageSize.value))
        if (last !== page.value) {
          page.value = last
          await commit(true)
          return
        }
      }
    } catch {
      if (seq !== requestSeq) return
      rows.value = []
      total.value = 0
    } finally {
      if (seq === requestSeq) {
        loading.value = false
        loaded.value = true
      }
    }
  }

  function readQuery(query: LocationQuery): void {
    const next = { ...defaults }
    for (const k of keys) {
      const v = first(query[k])
      const accepted = v !== undefined && (options.accept?.[k]?.(v) ?? true)
      ;(next as FilterValues)[k] = accepted ? v : (defaults[k] ?? '')
    }
    applied.value = next
    Object.assign(filters, next)
    const p = Number(first(query.page))
    page.value = Number.isInteger(p) && p > 0 ? p : 1
    const size = Number(first(query.pageSize))
    pageSize.value = (PAGE_SIZES as readonly number[]).includes(size) ? size : defaultPageSize
    sort.value = first(query.sort) ?? options.defaultSort ?? ''
  }

  function toQuery(): LocationQueryRaw {
    const q: LocationQueryRaw = {}
    for (const k of keys) {
      const v = applied.value[k]
      if (v !== undefined && v !== '' && v !== defaults[k]) q[k] = v
    }
    if (page.value > 1) q.page = String(page.value)
    if (pageSize.value !== defaultPageSize) q.pageSize = String(pageSize.value)
    if (sort.value && sort.value !== (options.defaultSort ?? '')) q.sort = sort.value
    return q
  }

  function sameQuery(a: LocationQueryRaw, b: LocationQuery): boolean {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined)
    const kb = Object.keys(b).filter((k) => b[k] !== undefined && b[k] !== null)
    if (ka.length !== kb.length) return false
    return ka.every((k) => String(a[k]) === String(first(b[k]) ?? ''))
  }

  /** Writes state to the URL (which triggers the load), or loads directly. */
  async function commit(replace = false): Promise<void> {
    if (!syncUrl) return load()
    const query = toQuery()
    if (sameQuery(query, route.query)) return load()
    await (replace ? router.replace({ query }) : router.push({ query }))
  }

  function search(): Promise<void> {
    applied.value = { ...(filters as F) }
    page.value = 1
    return commit()
  }

  function reset(): Promise<void> {
    Object.assign(filters, defaults)
    return search()
  }

  /** Sets one filter and searches at once (for selects and tree-selects). */
  function setFilter<K extends keyof F & string>(key: K, value: F[K]): Promise<void> {
    ;(filters as F)[key] = value
    return search()
  }

  function setPage(p: number): Promise<void> {
    page.value = p
    return commit()
  }

  function setPageSize(size: number): Promise<void> {
    pageSize.value = size
    page.value = 1
    return commit()
  }

  // --- el-table sorting ------------------------------------------------------------------------
  const tableSort = computed<TableSort | undefined>(() => {
    if (!options.sortMap || !sort.value || sort.value === options.defaultSort) return undefined
    for (const [prop, keysFor] of Object.entries(options.sortMap)) {
      if (keysFor.asc === sort.value) return { prop, order: 'ascending' }
      if (keysFor.desc === sort.value) return { prop, order: 'descending' }
    }
    return undefined
  })

  function onSortChange(e: { prop: string | null; order: 'ascending' | 'descending' | null }): void {
    const entry = e.prop ? options.sortMap?.[e.prop] : undefined
    const key = entry ? (e.order === 'ascending' ? entry.asc : e.order === 'descending' ? entry.desc : undefined) : undefined
    sort.value = key ?? options.defaultSort ?? ''
    page.value = 1
    void commit()
  }

  /** The sort orders a column may cycle through (only those the server supports). */
  function sortOrders(prop: string): ('ascending' | 'descending' | null)[] {
    const entry = options.sortMap?.[prop]
    const orders: ('ascending' | 'descending' | null)[] = []
    if (entry?.asc) orders.push('ascending')
    if (entry?.desc) orders.push('descending')
    orders.push(null)
    return orders
  }

  if (syncUrl) {
    watch(
      () => route.query,
      (query) => {
        if (route.path !== ownPath) return
        readQuery(query)
        void load()
      },
      { immediate: true },
    )
  } else {
    void load()
  }

  return {
    filters,
    applied,
    rows,
    total,
    page,
    pageSize,
    sort,
    loading,
    loaded,
    hasFilters,
    pageSizes: PAGE_SIZES,
    tableSort,
    search,
    reset,
    setFilter,
    setPage,
    setPageSize,
    onSortChange,
    sortOrders,
    reload: load,
  }
}

export type PagedList<Row, F extends FilterValues> = ReturnType<typeof usePagedList<Row, F>>
