/** The yearly figures of seed 001 for an organization and each of its direct sub-organizations; drill down by row. */
import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { mobileStatsApi } from './api'
import type { MobileFigures, MobileYearReport } from './types'

export function useYearReport() {
  const route = useRoute()
  const router = useRouter()
  const thisYear = new Date().getFullYear()
  const year = ref(Number(route.query.year) || thisYear)
  const orgId = ref<string | null>(typeof route.query.orgId === 'string' ? route.query.orgId : null)
  const report = shallowRef<MobileYearReport | null>(null)
  const loading = ref(false)
  /** The organizations drilled through, to walk back up. */
  const trail = ref<{ id: string; name: string }[]>([])

  async function load(): Promise<void> {
    loading.value = true
    try {
      report.value = await mobileStatsApi.report(orgId.value ?? undefined, year.value)
      void router.replace({ query: { ...route.query, year: String(year.value), orgId: orgId.value ?? undefined } })
    } finally {
      loading.value = false
    }
  }
  watch([year, orgId], load, { immediate: true })

  function drill(row: MobileFigures): void {
    if (report.value) trail.value = [...trail.value, { id: report.value.total.orgId, name: report.value.total.orgName }]
    orgId.value = row.orgId
  }

  function up(index: number): void {
    const target = trail.value[index]
    if (!target) return
    trail.value = trail.value.slice(0, index)
    orgId.value = target.id
  }

  function pick(id: string | null): void {
    trail.value = []
    orgId.value = id
  }

  const rows = computed(() => (report.value ? [...report.value.children, { ...report.value.total, orgName: '合计' }] : []))
  const exportExcel = () => mobileStatsApi.exportReport(orgId.value ?? undefined, year.value)

  return { thisYear, year, orgId, report, loading, trail, rows, drill, up, pick, exportExcel }
}
