import type { DateString, Id } from '@/shared/types'
import type { PersonBaseModel, PersonLikeDetail, PersonLikeRow } from '@/modules/person-base/types'

export type MemberStatus = 'Full' | 'Probationary'
export type MemberCategory = 'InService' | 'RetiredCadre' | 'Mobile' | 'Other'

export interface MemberRow extends PersonLikeRow {
  status: MemberStatus
  category: MemberCategory
  joinedOn: DateString
  fullMemberOn: DateString | null
}

export interface MemberDetail extends MemberRow, PersonLikeDetail {
  personId: Id
}

export interface MemberInput {
  name: string
  /** null on PUT keeps the stored value */
  idNumber: string | null
  gender: string
  birthDate: DateString | null
  /** null on PUT keeps the stored value */
  phone: string | null
  address?: string | null
  education?: string | null
  ethnicity?: string | null
  orgId: Id | null
  joinedOn: DateString | null
  fullMemberOn?: DateString | null
  status: MemberStatus
  category: MemberCategory
  tags: string[]
}

/** Server sort keys for GET /members. */
export type MemberSort = 'org' | '-org' | 'name' | '-name' | 'joinedOn' | '-joinedOn'

export type MemberQuery = {
  orgId?: Id
  category?: string
  status?: string
  tag?: string
  name?: string
  page?: number
  pageSize?: number
  sort?: string
}

/** List filters as kept in the URL ('' = not set). */
export type MemberFilters = {
  orgId: string
  category: string
  status: string
  tag: string
  name: string
}

export interface MemberFormModel extends PersonBaseModel {
  joinedOn: DateString | null
  fullMemberOn: DateString | null
  status: MemberStatus
  category: MemberCategory
}
