/**
 * 我的上报: the caller's events (a grid worker's `GET /grid/events/mine`; a resident's `GET /resident/events`, all
 * reported with their number, by the hotline too), page by page for van-list, with pull-to-refresh.
 */
import { ref } from 'vue'
import { isApiError } from '@/shared/http'
import { phoneApi } from './api'
import type { EventRow } from './types'

const PAGE_SIZE = 20

let stale = false

/** Called after a report or an action: the list reloads when it is shown again. */
export function markMineStale(): void {
  stale = true
}

export function useMyEvents() {
  const items = ref<EventRow[]>([])
  const total = ref(0)
  /** van-list's `loading` (true while a page is on its way). */
  const loading = ref(false)
  const finished = ref(false)
  /** van-list's `error` (a tap on the error text retries) and its text. */
  const error = ref(false)
  const errorText = ref('')
  const refreshing = ref(false)
  /** The first page has arrived (until then the empty state is not shown). */
  const loaded = ref(false)
  let page = 0
  let generation = 0

  async function loadMore(): Promise<void> {
    const current = generation
    loading.value = true
    error.value = false
    try {
      const res = await phoneApi().mine(page + 1, PAGE_SIZE)
      if (current !== generation) return
      page = res.page
      // a page can repeat a row when an event was reported in between: keep each once
      const seen = new Set(page === 1 ? [] : items.value.map((e) => e.id))
      const fresh = res.items.filter((e) => !seen.has(e.id))
      items.value = page === 1 ? fresh : [...items.value, ...fresh]
      total.value = res.total
      finished.value = res.items.length < PAGE_SIZE || items.value.length >= res.total
      loaded.value = true
    } catch (e) {
      if (current !== generation) return
      errorText.value = isApiError(e) && e.status !== 0 ? `${e.displayMessage}，点击重试` : '加载失败，点击重试'
      error.value = true
    } finally {
      if (current === generation) loading.value = false
    }
  }

  /** Back to the first page (the rows shown stay until it arrives). */
  async function refresh(): Promise<void> {
    generation++
    page = 0
    finished.value = false
    stale = false
    await loadMore()
    refreshing.value = false
  }

  /** Reloads when something changed since the list was last shown. */
  function refreshIfStale(): void {
    if (stale) void refresh()
  }

  return { items, total, loading, finished, error, errorText, refreshing, loaded, loadMore, refresh, refreshIfStale }
}
