import type { QueryOf, Schema } from '@/shared/api'
import type { Id } from '@/shared/types'
import type { PersonBaseModel } from '@/modules/person-base/types'

/** A resident (居民) as `GET /people` lists them. */
export type PersonRow = Schema<'Modules.Members.Features.PersonRow'>
/** `memberId`: the membership of this person, when they are a 党员. */
export type PersonDetail = Schema<'Modules.Members.Features.PersonDetail'>
/** `POST /people`, `PUT /people/{id}`. */
export type PersonInput = Schema<'Modules.Members.Features.PersonInput'>

/** `GET /people` query (no `sort`: the server has one order for residents). */
export type PersonQuery = QueryOf<'/api/v1/people'>

/** List filters as kept in the URL ('' = not set). */
export type PersonFilters = Record<'orgId' | 'tag' | 'name', string>

export interface PersonFormModel extends PersonBaseModel {
  regionId: Id | null
}
