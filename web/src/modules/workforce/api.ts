import { ApiError, download, http, isApiError, upload, type RequestOptions, type UploadOptions } from '@/shared/http'
import { oneOf, type Page, type QueryOf, type Schema } from '@/shared/api'
import type { Id } from '@/shared/types'
import {
  WORKER_POSTS,
  WORKER_STATUSES,
  type CertificateInput,
  type ImportMode,
  type ImportReport,
  type PopulationInput,
  type PopulationRow,
  type PostChangeInput,
  type StaffingReport,
  type StatusInput,
  type StructureReport,
  type WorkerDetail,
  type WorkerFilters,
  type WorkerInput,
  type WorkerQuery,
  type WorkerRow,
  type WorkforceSettings,
} from './types'

const worker = (id: Id) => `/workforce/workers/${encodeURIComponent(id)}`

export const workforceApi = {
  list: (query: WorkerQuery, options?: RequestOptions) => http.get<Page<WorkerRow>>('/workforce/workers', { ...options, query }),
  get: (id: Id, options?: RequestOptions) => http.get<WorkerDetail>(worker(id), options),
  create: (input: WorkerInput, options?: RequestOptions) => http.post<WorkerDetail>('/workforce/workers', input, options),
  update: (id: Id, input: WorkerInput, options?: RequestOptions) => http.put<WorkerDetail>(worker(id), input, options),
  remove: (id: Id, reason: string, options?: RequestOptions) => http.delete<void>(worker(id), { ...options, query: { reason } }),
  setStatus: (id: Id, input: StatusInput, options?: RequestOptions) => http.post<WorkerDetail>(`${worker(id)}/status`, input, options),
  addCertificate: (id: Id, input: CertificateInput, options?: RequestOptions) =>
    http.post<WorkerDetail>(`${worker(id)}/certificates`, input, options),
  removeCertificate: (id: Id, certificateId: Id, options?: RequestOptions) =>
    http.delete<WorkerDetail>(`${worker(id)}/certificates/${encodeURIComponent(certificateId)}`, options),
  changePost: (id: Id, input: PostChangeInput, options?: RequestOptions) =>
    http.post<WorkerDetail>(`${worker(id)}/post-changes`, input, options),
  /**
   * The worker's full ID number / phone (`POST /workforce/workers/{id}/reveal`, member:reveal): the server reads it
   * from the person record and audits the view as 社区工作者 (this worker).
   */
  reveal: (id: Id, field: 'idNumber' | 'phone', options?: RequestOptions) =>
    http.post<Schema<'Modules.Members.Features.RevealResponse'>>(
      `${worker(id)}/reveal`,
      { field } satisfies Schema<'Modules.Members.Features.RevealRequest'>,
      options,
    ),

  populations: (orgId: Id | undefined, year: number, options?: RequestOptions) =>
    http.get<PopulationRow[]>('/workforce/populations', { ...options, query: { orgId, year } }),
  setPopulation: (input: PopulationInput, options?: RequestOptions) => http.put<PopulationRow>('/workforce/populations', input, options),
  staffing: (orgId: Id | undefined, year: number, options?: RequestOptions) =>
    http.get<StaffingReport>('/workforce/staffing', { ...options, query: { orgId, year } }),
  structure: (orgId: Id | undefined, options?: RequestOptions) =>
    http.get<StructureReport>('/workforce/structure', { ...options, query: { orgId } }),
  settings: (options?: RequestOptions) => http.get<WorkforceSettings>('/workforce/settings', options),
}

// --- Excel ----------------------------------------------------------------------------------------
// The export is a plain GET the browser streams to disk; the import a multipart upload with progress
// (both from shared/http.ts). There is no template: an exported roster is the import format.

/** Client-side limits, as the server checks them (RosterExcel.MaxFileBytes / MaxRows, shared with the member roster). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
export const IMPORT_MAX_ROWS = 20_000

type ExportQuery = QueryOf<'/api/v1/workforce/workers/export'>

export const workerExcelApi = {
  /**
   * `GET /workforce/workers/export`: the roster of the 社区 subtree with the list's 岗位 / 状态 filters (the server
   * takes no 姓名 or 持证 filter); `full` needs member:reveal. The server audits every export.
   */
  export(filters: WorkerFilters, full: boolean): void {
    const query: ExportQuery = {
      orgId: filters.orgId || undefined,
      post: oneOf(WORKER_POSTS, filters.post),
      status: oneOf(WORKER_STATUSES, filters.status),
      full,
    }
    download('/workforce/workers/export', query, '社区工作者花名册.xlsx')
  },

  /**
   * `POST /workforce/workers/import?mode=…` with multipart field `file`. Errors are not shown (the dialog shows
   * them): an {@link ApiError} with 400 `errors.file` for a bad file, status 0 when there is no connection.
   */
  async import(file: File, mode: ImportMode, options: Pick<UploadOptions, 'onProgress' | 'signal'> = {}): Promise<ImportReport> {
    try {
      return await upload<ImportReport>('/workforce/workers/import', file, { ...options, query: { mode }, handled: true })
    } catch (e) {
      // 413 from a proxy in front of the server comes without a body
      if (isApiError(e) && e.status === 413 && !e.hasFieldErrors) throw new ApiError(413, { errors: { file: ['文件不能超过 20 MB'] } })
      throw e
    }
  },
}
