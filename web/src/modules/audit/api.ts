import { http, type RequestOptions } from '@/shared/http'
import type { Page } from '@/shared/types'
import type { AuditMeta, AuditQuery, AuditRow, AuditVerifyResult } from './types'

export const auditApi = {
  list: (query: AuditQuery, options?: RequestOptions) => http.get<Page<AuditRow>>('/audit', { ...options, query }),
  /** Filter options; auxiliary, so failures stay silent (the list shows the error). */
  meta: () => http.get<AuditMeta>('/audit/meta', { handled: true }),
  verify: (options?: RequestOptions) => http.post<AuditVerifyResult>('/audit/verify', undefined, options),
}
