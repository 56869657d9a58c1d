import { http, type RequestOptions } from '@/shared/http'
import type { Page } from '@/shared/types'
import type { AuditQuery, AuditRow, AuditVerifyResult } from './types'

export const auditApi = {
  list: (query: AuditQuery, options?: RequestOptions) => http.get<Page<AuditRow>>('/audit', { ...options, query }),
  verify: (options?: RequestOptions) => http.post<AuditVerifyResult>('/audit/verify', undefined, options),
}
