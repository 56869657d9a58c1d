import { createRecordApi } from '@/modules/person-base/api'
import { oneOf, type QueryOf } from '@/shared/api'
import { ApiError, download, isApiError, upload, type UploadOptions } from '@/shared/http'
import {
  MEMBER_CATEGORIES,
  MEMBER_STATUSES,
  type ImportMode,
  type ImportReport,
  type MemberDetail,
  type MemberFilters,
  type MemberInput,
  type MemberQuery,
  type MemberRow,
} from './types'

export const memberApi = createRecordApi<MemberRow, MemberDetail, MemberInput, MemberQuery>('/members')

// --- Excel ----------------------------------------------------------------------------------------
// Downloads are plain GETs the browser streams to disk, however large the roster; the import is a
// multipart upload with progress (both from shared/http.ts).

/** Client-side limits, as the server checks them (RosterExcel.MaxFileBytes / MaxRows). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024
export const IMPORT_MAX_ROWS = 20_000

type ExportQuery = QueryOf<'/api/v1/members/export'>

export const memberExcelApi = {
  /** `GET /members/export`: the roster with the list's filters; `full` needs member:reveal (audited). */
  export(filters: MemberFilters, full: boolean): void {
    const query: ExportQuery = {
      orgId: filters.orgId || undefined,
      category: oneOf(MEMBER_CATEGORIES, filters.category),
      status: oneOf(MEMBER_STATUSES, filters.status),
      tag: filters.tag || undefined,
      name: filters.name || undefined,
      full,
    }
    download('/members/export', query, '党员名册.xlsx')
  },

  template: () => download('/members/import/template', undefined, '党员导入模板.xlsx'),

  /**
   * `POST /members/import?mode=…` with multipart field `file`. Errors are not shown (the dialog shows
   * them): an {@link ApiError} with 400 `errors.file` for a bad file, status 0 when there is no connection.
   */
  async import(file: File, mode: ImportMode, options: Pick<UploadOptions, 'onProgress' | 'signal'> = {}): Promise<ImportReport> {
    try {
      return await upload<ImportReport>('/members/import', file, { ...options, query: { mode }, handled: true })
    } catch (e) {
      // 413 from a proxy in front of the server comes without a body
      if (isApiError(e) && e.status === 413 && !e.hasFieldErrors) throw new ApiError(413, { errors: { file: ['文件不能超过 20 MB'] } })
      throw e
    }
  },
}
