import { http, type RequestOptions } from '@/shared/http'
import type { Page } from '@/shared/api'
import type { Id } from '@/shared/types'
import type {
  CompetitionInput,
  CompetitionRow,
  FilingDecision,
  FilingInput,
  FilingRow,
  ReserveInput,
  ReserveLeaveInput,
  ReserveQuery,
  ReserveRow,
  SecretaryFilingState,
  WorkerQuery,
  WorkerRow,
} from './types'

export const talentApi = {
  // 后备人才库
  reserve: (query: ReserveQuery) => http.get<Page<ReserveRow>>('/workforce/reserve', { query: { ...query } }),
  addReserve: (input: ReserveInput, options?: RequestOptions) => http.post<ReserveRow>('/workforce/reserve', input, options),
  leaveReserve: (id: Id, input: ReserveLeaveInput, options?: RequestOptions) =>
    http.post<ReserveRow>(`/workforce/reserve/${encodeURIComponent(id)}/leave`, input, options),

  // 竞聘上岗
  competitions: (orgId: Id | undefined, year: number | undefined) =>
    http.get<CompetitionRow[]>('/workforce/competitions', { query: { orgId, year } }),
  recordCompetition: (input: CompetitionInput, options?: RequestOptions) => http.post<CompetitionRow>('/workforce/competitions', input, options),

  // 书记备案
  filings: (orgId: Id | undefined) => http.get<SecretaryFilingState[]>('/workforce/secretary-filings', { query: { orgId } }),
  file: (input: FilingInput, options?: RequestOptions) => http.post<FilingRow>('/workforce/secretary-filings', input, options),
  decide: (id: Id, input: FilingDecision, options?: RequestOptions) =>
    http.post<FilingRow>(`/workforce/secretary-filings/${encodeURIComponent(id)}/decide`, input, options),

  // for the worker pickers
  workers: (query: WorkerQuery, options?: RequestOptions) => http.get<Page<WorkerRow>>('/workforce/workers', { ...options, query: { ...query } }),
}
