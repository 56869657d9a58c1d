/**
 * 落实情况: the computed compliance of the branches under an organization over a month range. The
 * filters live in the URL (组织, from, to, 只看未达标); the summary (KPIs, per-kind totals, rules) comes
 * with each page of rows.
 */
import { computed, ref, shallowRef } from 'vue'
import { isMonth, monthOf } from '@/shared/month'
import { session } from '@/shared/session'
import { usePagedList, type ListParams } from '@/shared/use-paged-list'
import { complianceApi } from './api'
import type { BranchCompliance, ComplianceFilters, ComplianceQuery, ComplianceSummary } from './types'
import { yearStartMonth } from './utils'

export function useCompliance() {
  const ownOrgId = session.me?.orgId ?? ''
  const summary = shallowRef<ComplianceSummary | null>(null)
  const exporting = ref(false)

  function toQuery(p: Pick<ListParams<ComplianceFilters>, 'orgId' | 'from' | 'to' | 'onlyMissing'>): ComplianceQuery {
    return {
      orgId: p.orgId || undefined,
      from: p.from || undefined,
      to: p.to || undefined,
      onlyMissing: p.onlyMissing === '1' ? true : undefined,
    }
  }

  const list = usePagedList<BranchCompliance, ComplianceFilters>({
    filters: { orgId: ownOrgId, from: yearStartMonth(), to: monthOf(), onlyMissing: '' },
    accept: { from: isMonth, to: isMonth, onlyMissing: (v) => v === '1' },
    fetch: async (p) => {
      try {
        const s = await complianceApi.summary({ ...toQuery(p), page: p.page, pageSize: p.pageSize })
        summary.value = s
        return s.rows
      } catch (e) {
        summary.value = null
        throw e
      }
    },
  })

  const { applied } = list
  const hasFilters = computed(() => applied.value.onlyMissing === '1')
  const compliantPercent = computed(() => {
    const s = summary.value
    return s && s.branches > 0 ? Math.round((1000 * s.compliantBranches) / s.branches) / 10 : null
  })

  function setPeriod(from: string, to: string): void {
    list.filters.from = from
    list.filters.to = to
    void list.search()
  }

  async function exportExcel(): Promise<void> {
    if (exporting.value) return
    exporting.value = true
    try {
      const a = applied.value
      await complianceApi.exportSummary(toQuery(a), `三会一课落实情况_${a.from}至${a.to}.xlsx`)
    } finally {
      exporting.value = false
    }
  }

  /** The drill-down of one branch over the same period. */
  function branchLink(orgId: string) {
    return { path: '/orglife/compliance/branch', query: { orgId, from: applied.value.from, to: applied.value.to } }
  }

  return { list, summary, exporting, hasFilters, compliantPercent, setPeriod, exportExcel, branchLink }
}
