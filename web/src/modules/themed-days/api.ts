import type { QueryOf } from '@/shared/api'
import { http, upload, type RequestOptions, type UploadOptions } from '@/shared/http'
import type { Id } from '@/shared/types'
import type {
  AttachmentRow,
  BranchThemedDays,
  MatrixQuery,
  PlanDetail,
  PlanInput,
  PlanMatrix,
  PlanRow,
  ThemedDayInput,
  ThemedDayRecord,
} from './types'

const plan = (id: Id) => `/orglife/themed-plans/${encodeURIComponent(id)}`
const day = (id: Id) => `/orglife/themed-days/${encodeURIComponent(id)}`

export const themedPlanApi = {
  list: (year: number, options?: RequestOptions) =>
    http.get<PlanRow[]>('/orglife/themed-plans', { ...options, query: { year } satisfies QueryOf<'/api/v1/orglife/themed-plans'> }),
  get: (id: Id, options?: RequestOptions) => http.get<PlanDetail>(plan(id), options),
  create: (input: PlanInput, options?: RequestOptions) => http.post<PlanDetail>('/orglife/themed-plans', input, options),
  update: (id: Id, input: PlanInput, options?: RequestOptions) => http.put<PlanDetail>(plan(id), input, options),
  publish: (id: Id, options?: RequestOptions) => http.post<PlanDetail>(`${plan(id)}/publish`, undefined, options),
  remove: (id: Id, options?: RequestOptions) => http.delete(plan(id), options),
  matrix: (id: Id, query: MatrixQuery, options?: RequestOptions) => http.get<PlanMatrix>(`${plan(id)}/matrix`, { ...options, query }),
}

export const themedDayApi = {
  forBranch: (orgId: Id, year: number, options?: RequestOptions) =>
    http.get<BranchThemedDays>('/orglife/themed-days', {
      ...options,
      query: { orgId, year } satisfies QueryOf<'/api/v1/orglife/themed-days'>,
    }),
  get: (id: Id, options?: RequestOptions) => http.get<ThemedDayRecord>(day(id), options),
  create: (input: ThemedDayInput, options?: RequestOptions) => http.post<ThemedDayRecord>('/orglife/themed-days', input, options),
  update: (id: Id, input: ThemedDayInput, options?: RequestOptions) => http.put<ThemedDayRecord>(day(id), input, options),
  /**
   * Multipart `file` (JPG/PNG/WebP/PDF, size limit from the settings). Errors are left to the caller, which
   * lists them by the upload. Shown and removed through orglife's `attachmentApi`.
   */
  upload: (id: Id, file: File, options?: Pick<UploadOptions, 'signal' | 'onProgress'>) =>
    upload<AttachmentRow>(`${day(id)}/attachments`, file, { ...options, handled: true }),
}
