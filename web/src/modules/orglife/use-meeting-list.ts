/**
 * The 三会一课 list: URL-synced filters (组织, 类型, 状态, 日期, 主题), a paged table or a month calendar
 * (`view=calendar&month=YYYY-MM`, also in the URL so a refresh keeps the clerk where they were).
 */
import { computed } from 'vue'
import { useRouter } from 'vue-router'
import { oneOf } from '@/shared/api'
import { isMonth, monthBounds, monthOf } from '@/shared/month'
import { can, session } from '@/shared/session'
import { usePagedList, type ListParams } from '@/shared/use-paged-list'
import type { Page } from '@/shared/types'
import { meetingApi } from './api'
import { MEETING_KINDS, MEETING_STATUSES, type MeetingFilters, type MeetingQuery, type MeetingRow } from './types'
import { isBranchOrg, isDate } from './utils'

/** Calendar view: at most this many pages of 100 for one month. */
const CALENDAR_MAX_PAGES = 5

function baseQuery(p: ListParams<MeetingFilters>): MeetingQuery {
  return {
    orgId: p.orgId || undefined,
    kind: oneOf(MEETING_KINDS, p.kind),
    status: oneOf(MEETING_STATUSES, p.status),
    q: p.q.trim() || undefined,
  }
}

async function loadMonth(p: ListParams<MeetingFilters>): Promise<Page<MeetingRow>> {
  const { from, to } = monthBounds(p.month || monthOf())
  const items: MeetingRow[] = []
  let total = 0
  for (let page = 1; page <= CALENDAR_MAX_PAGES; page++) {
    const result = await meetingApi.list({ ...baseQuery(p), from, to, page, pageSize: 100 })
    items.push(...result.items)
    total = result.total
    if (items.length >= total || result.items.length === 0) break
  }
  return { items, total, page: 1, pageSize: items.length || 100 }
}

export function useMeetingList() {
  const router = useRouter()
  const ownOrgId = session.me?.orgId ?? ''
  const list = usePagedList<MeetingRow, MeetingFilters>({
    filters: { orgId: ownOrgId, kind: '', status: '', from: '', to: '', q: '', view: '', month: '' },
    accept: {
      kind: (v) => oneOf(MEETING_KINDS, v) !== undefined,
      status: (v) => oneOf(MEETING_STATUSES, v) !== undefined,
      from: isDate,
      to: isDate,
      view: (v) => v === 'calendar',
      month: isMonth,
    },
    fetch: (p) =>
      p.view === 'calendar'
        ? loadMonth(p)
        : meetingApi.list({
            ...baseQuery(p),
            from: p.from || undefined,
            to: p.to || undefined,
            page: p.page,
            pageSize: p.pageSize,
          }),
  })

  const { filters, applied } = list
  const isCalendar = computed(() => applied.value.view === 'calendar')
  const month = computed(() => applied.value.month || monthOf())
  const canWrite = computed(() => can('orglife:write'))
  /** Filters that narrow the result (the view and the organization of one's own do not). */
  const hasFilters = computed(() => {
    const a = applied.value
    return !!(a.kind || a.status || a.from || a.to || a.q.trim() || (a.orgId && a.orgId !== ownOrgId))
  })

  /** The date-range picker's value ↔ from/to. */
  const dateRange = computed<[string, string] | null>({
    get: (): [string, string] | null => (filters.from && filters.to ? [filters.from, filters.to] : null),
    set: (v) => {
      filters.from = v?.[0] ?? ''
      filters.to = v?.[1] ?? ''
    },
  })

  function setView(view: 'list' | 'calendar'): void {
    filters.view = view === 'calendar' ? 'calendar' : ''
    void list.search()
  }

  function setMonth(m: string): void {
    filters.month = m === monthOf() ? '' : m
    void list.search()
  }

  /** 记录会议: the picked organization goes along when it is a 党支部. */
  async function openNew(extra: { heldOn?: string } = {}): Promise<void> {
    const orgId = applied.value.orgId || ownOrgId
    const query: Record<string, string> = { ...extra }
    if (orgId && (await isBranchOrg(orgId))) query.orgId = orgId
    await router.push({ path: '/orglife/meetings/new', query })
  }

  /** 重置 clears the filters but keeps the view (list / calendar) and the month shown. */
  function reset(): Promise<void> {
    Object.assign(filters, { orgId: ownOrgId, kind: '', status: '', from: '', to: '', q: '' })
    return list.search()
  }

  function open(id: string): void {
    void router.push(`/orglife/meetings/${id}`)
  }

  return { list, isCalendar, month, canWrite, hasFilters, dateRange, setView, setMonth, openNew, open, reset }
}
