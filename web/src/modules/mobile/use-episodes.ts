/** 外出报备 list: 流出 (the user's own members going away) or 流入 (members flowing in), by state, searchable. */
import { computed, ref } from 'vue'
import { oneOf } from '@/shared/api'
import { can } from '@/shared/session'
import { usePagedList } from '@/shared/use-paged-list'
import { mobileApi } from './api'
import { EPISODE_STATES, type EpisodeRow } from './types'

export type EpisodeFilters = { orgId: string; side: string; state: string; q: string }

export function useEpisodes() {
  const list = usePagedList<EpisodeRow, EpisodeFilters>({
    filters: { orgId: '', side: 'Out', state: '', q: '' },
    accept: {
      side: (v) => v === 'Out' || v === 'In',
      state: (v) => oneOf(EPISODE_STATES, v) !== undefined,
    },
    fetch: (p) =>
      mobileApi.episodes({
        orgId: p.orgId || undefined,
        side: p.side === 'In' ? 'In' : 'Out',
        state: oneOf(EPISODE_STATES, p.state),
        q: p.q.trim() || undefined,
        page: p.page,
        pageSize: p.pageSize,
      }),
  })
  const side = computed(() => (list.applied.value.side === 'In' ? 'In' : 'Out'))
  const canWrite = computed(() => can('mobile:write'))
  const formOpen = ref(false)

  function setSide(value: string): void {
    list.filters.state = ''
    void list.setFilter('side', value)
  }

  return { list, side, canWrite, formOpen, setSide }
}
