import { computed, ref, shallowRef } from 'vue'
import { usePagedList } from '@/shared/use-paged-list'
import { auditApi } from './api'
import type { AuditFilters, AuditMeta, AuditRow, AuditVerifyResult } from './types'

export function useAudit() {
  const list = usePagedList<AuditRow, AuditFilters>({
    filters: { from: '', to: '', userName: '', action: '', entityType: '', q: '' },
    fetch: (params) => auditApi.list(params),
  })

  /** Filter options from the server (record types are those present in the log, so loaded per visit). */
  const meta = shallowRef<AuditMeta>({ actions: [], entityTypes: [] })
  void auditApi
    .meta()
    .then((m) => {
      meta.value = { actions: m.actions ?? [], entityTypes: m.entityTypes ?? [] }
    })
    .catch(() => undefined)

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

  return { list, meta, range, verifying, verifyResult, verify, actionTagType }
}
