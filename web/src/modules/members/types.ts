import { modulesMembersDomainMemberCategoryValues, modulesMembersDomainMemberStatusValues } from '@/shared/api-schema'
import type { QueryOf, Schema } from '@/shared/api'
import type { DateString } from '@/shared/types'
import type { PersonBaseModel } from '@/modules/person-base/types'

export type MemberStatus = Schema<'Modules.Members.Domain.MemberStatus'>
export type MemberCategory = Schema<'Modules.Members.Domain.MemberCategory'>
export const MEMBER_STATUSES = modulesMembersDomainMemberStatusValues
export const MEMBER_CATEGORIES = modulesMembersDomainMemberCategoryValues

export type MemberRow = Schema<'Modules.Members.Features.MemberRow'>
export type MemberDetail = Schema<'Modules.Members.Features.MemberDetail'>
/** `POST /members`, `PUT /members/{id}`. `idNumber`/`phone` null on PUT keep the stored value. */
export type MemberInput = Schema<'Modules.Members.Features.MemberInput'>

/** Server sort keys for GET /members (the schema types `sort` as a string). */
export type MemberSort = 'org' | '-org' | 'name' | '-name' | 'joinedOn' | '-joinedOn'

/** `GET /members` query. */
export type MemberQuery = QueryOf<'/api/v1/members'>

/** List filters as kept in the URL ('' = not set). */
export type MemberFilters = Record<'orgId' | 'category' | 'status' | 'tag' | 'name', string>

export interface MemberFormModel extends PersonBaseModel {
  joinedOn: DateString | null
  fullMemberOn: DateString | null
  status: MemberStatus
  category: MemberCategory
}

// --- Excel import ---------------------------------------------------------------------------------

/** `ValidRows`: the valid rows go in, the others are refused. `AllOrNothing`: nothing goes in if any row is refused. */
export type ImportMode = Schema<'Modules.Members.Features.ImportMode'>
export type RowOutcome = Schema<'Modules.Members.Features.RowOutcome'>
/** `POST /members/import`: one row per data row of the sheet (`row` = the Excel row number). */
export type ImportReport = Schema<'Modules.Members.Features.ImportReport'>
export type ImportRowResult = Schema<'Modules.Members.Features.ImportRowResult'>
