/** A plan and its branch × month matrix (paged by branch, filtered by organization; state in the URL). */
import { computed, ref, shallowRef } from 'vue'
import { can } from '@/shared/session'
import { usePagedList } from '@/shared/use-paged-list'
import type { Id } from '@/shared/types'
import { themedPlanApi } from './api'
import type { MatrixCell, MatrixMonth, MatrixRow, PlanDetail } from './types'
import { thisYearMonth } from './states'

export function usePlanDetail(id: Id) {
  const plan = shallowRef<PlanDetail | null>(null)
  const planLoading = ref(true)
  const planFailed = ref(false)
  const months = shallowRef<MatrixMonth[]>([])
  const now = thisYearMonth()

  async function loadPlan(): Promise<void> {
    planLoading.value = true
    planFailed.value = false
    try {
      plan.value = await themedPlanApi.get(id)
    } catch {
      planFailed.value = true
    } finally {
      planLoading.value = false
    }
  }
  void loadPlan()

  const list = usePagedList<MatrixRow, { orgId: string }>({
    filters: { orgId: '' },
    fetch: async (p) => {
      const m = await themedPlanApi.matrix(id, { orgId: p.orgId || undefined, page: p.page, pageSize: p.pageSize }, { handled: [404] })
      months.value = m.months
      return m.rows
    },
  })

  const canManage = computed(() => can('orglife:review') && !!plan.value?.editable)
  const currentMonth = computed(() => (plan.value?.year === now.year ? now.month : null))

  /** The month the summary speaks of: this month for this year's plan, else the last month with a theme. */
  const focusMonth = computed<MatrixMonth | null>(() => {
    const withTheme = months.value.filter((m) => m.theme)
    if (currentMonth.value !== null) return months.value.find((m) => m.month === currentMonth.value) ?? null
    return withTheme[withTheme.length - 1] ?? null
  })

  const recordOpen = ref(false)
  const openCell = shallowRef<{ row: MatrixRow; cell: MatrixCell } | null>(null)
  function openRecord(row: MatrixRow, cell: MatrixCell): void {
    if (!cell.recordId) return
    openCell.value = { row, cell }
    recordOpen.value = true
  }
  const openTheme = computed(() => (openCell.value ? (plan.value?.themes.find((t) => t.month === openCell.value?.cell.month)?.theme ?? null) : null))

  return { plan, planLoading, planFailed, loadPlan, list, months, canManage, currentMonth, focusMonth, recordOpen, openCell, openTheme, openRecord }
}
