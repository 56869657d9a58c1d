import { http, type RequestOptions } from '@/shared/http'
import type { Page, Schema } from '@/shared/api'
import type { Id } from '@/shared/types'
import type {
  CertificateInput,
  PopulationInput,
  PopulationRow,
  PostChangeInput,
  StaffingReport,
  StatusInput,
  StructureReport,
  WorkerDetail,
  WorkerInput,
  WorkerQuery,
  WorkerRow,
  WorkforceSettings,
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
   * The full ID number / phone of the worker's person record (`POST /people/{personId}/reveal`, member:reveal,
   * audited): the roster has no reveal endpoint of its own.
   */
  reveal: (personId: Id, field: 'idNumber' | 'phone', options?: RequestOptions) =>
    http.post<Schema<'Modules.Members.Features.RevealResponse'>>(
      `/people/${encodeURIComponent(personId)}/reveal`,
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
