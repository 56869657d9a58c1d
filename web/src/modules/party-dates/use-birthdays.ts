/** 政治生日: the month's political birthdays in an organization's subtree (filters in the URL). */
import { computed } from 'vue'
import { monthOf, parseMonth, shiftMonth } from '@/shared/month'
import { usePagedList } from '@/shared/use-paged-list'
import { partyDateApi } from './api'
import type { BirthdayFilters, BirthdayRow } from './types'

/** A `YYYY-MM` the server takes (from 1921, the year the Party was founded). */
function periodOf(value: string): { year: number; month: number } | undefined {
  const p = parseMonth(value)
  return p && p.year >= 1921 && p.year <= 2100 ? p : undefined
}

export function useBirthdays() {
  const list = usePagedList<BirthdayRow, BirthdayFilters>({
    filters: { orgId: '', month: monthOf() },
    accept: { month: (v) => periodOf(v) !== undefined },
    fetch: (p) => {
      const period = periodOf(p.month)
      return partyDateApi.birthdays({ orgId: p.orgId || undefined, year: period?.year, month: period?.month, page: p.page, pageSize: p.pageSize })
    },
  })

  const period = computed(() => periodOf(list.applied.value.month) ?? parseMonth(monthOf())!)
  const title = computed(() => `${period.value.year}年${period.value.month}月`)

  function exportExcel(): void {
    const { orgId } = list.applied.value
    partyDateApi.exportBirthdays({ orgId: orgId || undefined, year: period.value.year, month: period.value.month })
  }

  function step(delta: number): void {
    list.filters.month = shiftMonth(list.filters.month || monthOf(), delta)
    void list.search()
  }

  return { list, period, title, exportExcel, step }
}
