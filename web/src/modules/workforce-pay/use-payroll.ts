/** 工资表: the payroll of a community (or subtree) and month, paged, with its totals and the Excel export. */
import { ref, shallowRef, watch } from 'vue'
import { monthOf } from '@/shared/month'
import { session } from '@/shared/session'
import { payApi } from './api'
import type { Payroll } from './types'

export function usePayroll() {
  const orgId = ref<string | null>(session.me?.orgId ?? null)
  const month = ref<string>(monthOf())
  const page = ref(1)
  const pageSize = ref(50)
  const data = shallowRef<Payroll | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      data.value = await payApi.payroll(orgId.value ?? undefined, month.value, page.value, pageSize.value)
    } finally {
      loading.value = false
    }
  }

  watch([orgId, month, pageSize], () => {
    page.value = 1
    void load()
  })
  watch(page, () => void load())

  return { orgId, month, page, pageSize, data, loading, load, exportExcel: () => payApi.exportPayroll(orgId.value ?? undefined, month.value) }
}
