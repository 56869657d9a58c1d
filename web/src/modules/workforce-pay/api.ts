import { download, http, upload, type RequestOptions } from '@/shared/http'
import type { Page } from '@/shared/api'
import type { Id } from '@/shared/types'
import type { CopyInput, Payroll, SchemeDetail, SchemeInput, SchemeQuery, SchemeRow, WorkerPayHistory } from './types'

const scheme = (id: Id) => `/workforce/schemes/${encodeURIComponent(id)}`

export const payApi = {
  // 薪酬体系
  schemes: (query: SchemeQuery) => http.get<Page<SchemeRow>>('/workforce/schemes', { query: { ...query } }),
  scheme: (id: Id) => http.get<SchemeDetail>(scheme(id)),
  create: (input: SchemeInput, options?: RequestOptions) => http.post<SchemeDetail>('/workforce/schemes', input, options),
  update: (id: Id, input: SchemeInput, options?: RequestOptions) => http.put<SchemeDetail>(scheme(id), input, options),
  saveCells: (id: Id, amounts: number[][][], version: string, options?: RequestOptions) =>
    http.put<SchemeDetail>(`${scheme(id)}/cells`, { amounts, version }, options),
  publish: (id: Id, options?: RequestOptions) => http.post<SchemeDetail>(`${scheme(id)}/publish`, undefined, options),
  copy: (id: Id, input: CopyInput, options?: RequestOptions) => http.post<SchemeDetail>(`${scheme(id)}/copy`, input, options),
  remove: (id: Id) => http.delete(scheme(id)),
  exportGrid: (id: Id) => download(`${scheme(id)}/export`),
  /** Multipart `file`; field errors (the cells' addresses) are left to the caller. */
  importGrid: (id: Id, file: File) => upload<SchemeDetail>(`${scheme(id)}/import`, file, { handled: [400, 409] }),

  // 工资
  payroll: (orgId: string | undefined, month: string, page: number, pageSize: number) =>
    http.get<Payroll>('/workforce/payroll', { query: { orgId, month, page, pageSize } }),
  exportPayroll: (orgId: string | undefined, month: string) => download('/workforce/payroll/export', { orgId, month }),
  workerPay: (workerId: Id, months = 12) => http.get<WorkerPayHistory>(`/workforce/workers/${encodeURIComponent(workerId)}/pay`, { query: { months } }),
}
