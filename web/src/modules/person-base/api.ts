import type { Schema } from '@/shared/api'
import { http } from '@/shared/http'
import type { Page, QueryParams, TagCount } from '@/shared/types'
import type { RecordApi, RevealField, RevealResponse } from './types'

/** The standard endpoints of a register rooted at `base` (e.g. `/members`). */
export function createRecordApi<Row, Detail, Input, Query extends QueryParams>(
  base: string,
): RecordApi<Row, Detail, Input, Query> {
  const one = (id: string) => `${base}/${encodeURIComponent(id)}`
  return {
    list: (query, options) => http.get<Page<Row>>(base, { ...options, query }),
    get: (id, options) => http.get<Detail>(one(id), options),
    create: (input, options) => http.post<Detail>(base, input, options),
    update: (id, input, options) => http.put<Detail>(one(id), input, options),
    remove: (id, reason, options) => http.delete<void>(one(id), { ...options, query: { reason } }),
    reveal: (id, field: RevealField, options) =>
      http.post<RevealResponse>(`${one(id)}/reveal`, { field } satisfies Schema<'Modules.Members.Features.RevealRequest'>, options),
  }
}

export const tagApi = {
  /** Auxiliary data for filters and forms: failures stay silent. */
  list: () => http.get<TagCount[]>('/tags', { handled: true }),
}
