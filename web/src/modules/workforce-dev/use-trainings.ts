/** 教育培训: the classes of a year, 应训未训 of a subtree and the year's coverage. */
import { computed, ref, shallowRef, watch } from 'vue'
import { oneOf } from '@/shared/api'
import { can } from '@/shared/session'
import { usePagedList } from '@/shared/use-paged-list'
import { devApi } from './api'
import { TRAINING_KINDS, WORKER_POSTS, type CoverageReport, type OverdueRow, type TrainingRow } from './types'

export function useTrainings() {
  const thisYear = new Date().getFullYear()
  const list = usePagedList<TrainingRow, { orgId: string; year: string; kind: string; q: string }>({
    filters: { orgId: '', year: String(thisYear), kind: '', q: '' },
    accept: { year: (v) => /^\d{4}$/.test(v), kind: (v) => !!oneOf(TRAINING_KINDS, v) },
    fetch: (p) =>
      devApi.trainings({
        orgId: p.orgId || undefined, year: Number(p.year) || thisYear, kind: oneOf(TRAINING_KINDS, p.kind), q: p.q || undefined, page: p.page, pageSize: p.pageSize,
      }),
  })
  const yearModel = computed({ get: () => Number(list.filters.year) || thisYear, set: (y: number) => void list.setFilter('year', String(y)) })
  const canWrite = computed(() => can('workforce:write'))

  // 应训未训 (the organization of the list; not kept in the URL)
  const overdueMeta = ref<{ active: number; overdue: number; secretaryYears: number; otherYears: number } | null>(null)
  const overdue = usePagedList<OverdueRow, { post: string; q: string }>({
    filters: { post: '', q: '' },
    syncUrl: false,
    fetch: async (p) => {
      const r = await devApi.overdue({
        orgId: list.applied.value.orgId || undefined, post: oneOf(WORKER_POSTS, p.post), q: p.q || undefined, page: p.page, pageSize: p.pageSize,
      })
      overdueMeta.value = { active: r.activeWorkers, overdue: r.overdue, secretaryYears: r.secretaryYears, otherYears: r.otherYears }
      return r.rows
    },
  })

  // 培训覆盖率 of the list's organization and year
  const coverage = shallowRef<CoverageReport | null>(null)
  const coverageLoading = ref(false)
  let seq = 0
  async function loadCoverage(): Promise<void> {
    const mine = ++seq
    coverageLoading.value = true
    try {
      const r = await devApi.coverage(list.applied.value.orgId || undefined, Number(list.applied.value.year) || thisYear)
      if (mine === seq) coverage.value = r
    } catch {
      if (mine === seq) coverage.value = null
    } finally {
      if (mine === seq) coverageLoading.value = false
    }
  }
  watch(() => [list.applied.value.orgId, list.applied.value.year], () => void loadCoverage(), { immediate: true })
  watch(() => list.applied.value.orgId, () => void overdue.search())

  return { list, thisYear, yearModel, canWrite, overdue, overdueMeta, coverage, coverageLoading }
}
