import type { DateString, Id } from '@/shared/types'
import type { PersonBaseModel, PersonLikeDetail, PersonLikeRow } from '@/modules/person-base/types'

/**
 * docs/api.md says only "same shape as members"; region fields are optional here until the
 * contract spells PersonRow / PersonDetail out.
 */
export interface PersonRow extends PersonLikeRow {
  regionId?: Id | null
  regionName?: string | null
}

export interface PersonDetail extends PersonRow, PersonLikeDetail {}

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
