import type { DateString, Id } from '@/shared/types'
import type { PersonBaseModel, PersonLikeDetail, PersonLikeRow } from '@/modules/person-base/types'

/** docs/api.md `PersonRow` (no region name: the list has no 所在区划 column). */
export interface PersonRow extends PersonLikeRow {
  address: string | null
  isMember: boolean
}

export interface PersonDetail extends PersonRow, PersonLikeDetail {
  regionId: Id | null
  /** The membership of this person, when they are a 党员. */
  memberId: Id | null
}

export interface PersonInput {
  name: string
  idNumber: string | null
  gender: string
  birthDate: DateString | null
  phone?: string | null
  address?: string | null
  education?: string | null
  ethnicity?: string | null
  orgId: Id | null
  regionId?: Id | null
  tags: string[]
}

export type PersonQuery = {
  orgId?: Id
  name?: string
  tag?: string
  page?: number
  pageSize?: number
  sort?: string
}

export type PersonFilters = {
  orgId: string
  tag: string
  name: string
}

export interface PersonFormModel extends PersonBaseModel {
  regionId: Id | null
}
