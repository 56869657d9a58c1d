import type { QueryOf, Schema } from '@/shared/api'
import { http, type RequestOptions } from '@/shared/http'
import type { Id } from '@/shared/types'
import type { OrgDetail, OrgInput, OrgNode, OrgSearchHit, OrgUpdateInput } from './types'

export const orgApi = {
  /** Children of `parentId`; without it, the user's own root organization. */
  children: (parentId?: Id | null, options?: RequestOptions) =>
    http.get<OrgNode[]>('/orgs/children', { ...options, query: { parentId: parentId ?? undefined } satisfies QueryOf<'/api/v1/orgs/children'> }),
  search: (q: string, limit = 20, options?: RequestOptions) =>
    http.get<OrgSearchHit[]>('/orgs/search', { ...options, query: { q, limit } satisfies QueryOf<'/api/v1/orgs/search'> }),
  get: (id: Id, options?: RequestOptions) => http.get<OrgDetail>(`/orgs/${encodeURIComponent(id)}`, options),
  create: (input: OrgInput, options?: RequestOptions) => http.post<OrgDetail>('/orgs', input, options),
  update: (id: Id, input: OrgUpdateInput, options?: RequestOptions) =>
    http.put<OrgDetail>(`/orgs/${encodeURIComponent(id)}`, input, options),
  move: (id: Id, newParentId: Id, options?: RequestOptions) =>
    http.post<OrgDetail>(
      `/orgs/${encodeURIComponent(id)}/move`,
      { newParentId } satisfies Schema<'Modules.Organizations.Features.MoveOrgRequest'>,
      options,
    ),
  close: (id: Id, reason: string, options?: RequestOptions) =>
    http.post<OrgDetail>(
      `/orgs/${encodeURIComponent(id)}/close`,
      { reason } satisfies Schema<'Modules.Organizations.Features.CloseOrgRequest'>,
      options,
    ),
}
