/** 跟踪提醒: mobile members nobody has reached for N days, and those with reports not filed. */
import { onMounted, ref } from 'vue'
import { usePagedList } from '@/shared/use-paged-list'
import { mobileStatsApi } from './api'
import type { MissingReportRow, NoContactRow } from './types'

export function useFollowUp() {
  const tab = ref<'contact' | 'reports'>('contact')
  const noContact = usePagedList<NoContactRow, { orgId: string; days: string }>({
    filters: { orgId: '', days: '' },
    syncUrl: false,
    fetch: (p) => mobileStatsApi.noContact({ orgId: p.orgId || undefined, days: Number(p.days) || undefined, page: p.page, pageSize: p.pageSize }, { handled: [400] }),
  })
  const missing = usePagedList<MissingReportRow, { orgId: string }>({
    filters: { orgId: '' },
    syncUrl: false,
    fetch: (p) => mobileStatsApi.missingReports({ orgId: p.orgId || undefined, page: p.page, pageSize: p.pageSize }),
  })
  const defaultDays = ref(30)
  onMounted(async () => {
    defaultDays.value = (await mobileStatsApi.settings()).noContactDays
    if (!noContact.filters.days) noContact.filters.days = String(defaultDays.value)
  })
  return { tab, noContact, missing, defaultDays }
}
