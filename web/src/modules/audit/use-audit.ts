import { computed, ref, shallowRef } from 'vue'
import { usePagedList } from '@/shared/use-paged-list'
import { auditApi } from './api'
import type { AuditFilters, AuditRow, AuditVerifyResult } from './types'

export function useAudit() {
  const list = usePagedList<AuditRow, AuditFilters>({
    filters: { from: '', to: '', userName: '', action: '', entityType: '', q: '' },
    fetch: (params) => auditApi.list(params),
  })

  /** el-date-picker (daterange) ⇄ from / to. */
  const range = computed<[string, string] | null>({
    get: () => (list.filters.from && list.filters.to ? ([list.filters.from, list.filters.to] as [string, string]) : null),
    set: (v: [string, string] | null) => {
      list.filters.from = v?.[0] ?? ''
      list.filters.to = v?.[1] ?? ''
    },
  })

  const verifying = ref(false)
  const verifyResult = shallowRef<AuditVerifyResult | null>(null)

  async function verify(): Promise<void> {
    verifying.value = true
    try {
      verifyResult.value = await auditApi.verify()
    } catch {
      verifyResult.value = null
    } finally {
      verifying.value = false
    }
  }

  function actionTagType(action: string): 'success' | 'danger' | 'warning' | 'info' | 'primary' {
    if (action === 'login.failure' || action === 'delete' || action === 'close') return 'danger'
    if (action === 'reveal' || action === 'export') return 'warning'
    if (action === 'create') return 'success'
    if (action.startsWith('login') || action === 'logout') return 'info'
    return 'primary'
  }

  return { list, range, verifying, verifyResult, verify, actionTagType }
}
