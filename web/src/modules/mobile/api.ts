import { http, type RequestOptions } from '@/shared/http'
import type { Page } from '@/shared/api'
import type { Id } from '@/shared/types'
import type {
  ActivityKind,
  ContactChannel,
  EpisodeDetail,
  EpisodeInput,
  EpisodeRow,
  EpisodeSide,
  EpisodeState,
  FlowInOrgOption,
  LiaisonRole,
  LiaisonRow,
} from './types'

export interface EpisodeQuery {
  orgId?: string
  side?: EpisodeSide
  state?: EpisodeState
  memberId?: string
  q?: string
  page?: number
  pageSize?: number
}

const episode = (id: Id) => `/mobile/episodes/${encodeURIComponent(id)}`

export const mobileApi = {
  episodes: (query: EpisodeQuery, options?: RequestOptions) => http.get<Page<EpisodeRow>>('/mobile/episodes', { ...options, query: { ...query } }),
  episode: (id: Id, options?: RequestOptions) => http.get<EpisodeDetail>(episode(id), options),
  register: (input: EpisodeInput, options?: RequestOptions) => http.post<EpisodeDetail>('/mobile/episodes', input, options),
  update: (id: Id, input: EpisodeInput, options?: RequestOptions) => http.put<EpisodeDetail>(episode(id), input, options),
  approve: (id: Id) => http.post<EpisodeDetail>(`${episode(id)}/approve`),
  reject: (id: Id, reason: string, options?: RequestOptions) => http.post<EpisodeDetail>(`${episode(id)}/reject`, { reason }, options),
  comeBack: (id: Id, returnedOn: string, note: string | null, options?: RequestOptions) =>
    http.post<EpisodeDetail>(`${episode(id)}/return`, { returnedOn, note }, options),
  withdraw: (id: Id) => http.post<EpisodeDetail>(`${episode(id)}/withdraw`),
  revealPhone: (id: Id) => http.post<{ phone: string }>(`${episode(id)}/reveal-phone`),
  fileReport: (id: Id, body: { period: string; filedOn: string | null; content: string }, options?: RequestOptions) =>
    http.post<EpisodeDetail>(`${episode(id)}/reports`, body, options),
  recordActivity: (id: Id, body: { kind: ActivityKind | null; occurredOn: string | null; content: string }, options?: RequestOptions) =>
    http.post<EpisodeDetail>(`${episode(id)}/activities`, body, options),
  logContact: (
    id: Id,
    body: { liaisonId: string | null; contactedBy: string | null; channel: ContactChannel | null; contactedOn: string | null; reachable: boolean | null; content: string },
    options?: RequestOptions,
  ) => http.post<EpisodeDetail>(`${episode(id)}/contacts`, body, options),
  pair: (memberId: Id, body: { liaisonMemberId: string | null; liaisonName: string | null; role: LiaisonRole | null; since: string | null }, options?: RequestOptions) =>
    http.post<LiaisonRow[]>(`/mobile/members/${encodeURIComponent(memberId)}/liaisons`, body, options),
  unpair: (memberId: Id, liaisonId: Id) =>
    http.delete<LiaisonRow[]>(`/mobile/members/${encodeURIComponent(memberId)}/liaisons/${encodeURIComponent(liaisonId)}`),
  flowInOrgs: (q: string, options?: RequestOptions) => http.get<FlowInOrgOption[]>('/mobile/flow-in-orgs', { ...options, query: { q } }),
}
