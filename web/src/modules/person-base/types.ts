/**
 * Building blocks shared by every register of people (党员, 居民, and later 流动党员, 社区工作者):
 * the rows share masked ID/phone, organization and tags; the forms share the identity fields.
 */
import type { DateString, Id, Instant, Page, QueryParams } from '@/shared/types'
import type { RequestOptions } from '@/shared/http'

export type RevealField = 'idNumber' | 'phone'

export interface PersonLikeRow {
  id: Id
  name: string
  gender: string
  birthDate: DateString | null
  idNumberMasked: string | null
  phoneMasked: string | null
  orgId: Id | null
  orgName: string | null
  tags: string[]
}

export interface PersonLikeDetail extends PersonLikeRow {
  address: string | null
  education: string | null
  ethnicity: string | null
  createdAt: Instant
  updatedAt: Instant | null
}

/** The endpoints a register exposes (`/members`, `/people`, …). */
export interface RecordApi<Row, Detail, Input, Query extends QueryParams> {
  list: (query: Query, options?: RequestOptions) => Promise<Page<Row>>
  get: (id: Id, options?: RequestOptions) => Promise<Detail>
  create: (input: Input, options?: RequestOptions) => Promise<Detail>
  update: (id: Id, input: Input, options?: RequestOptions) => Promise<Detail>
  remove: (id: Id, reason: string, options?: RequestOptions) => Promise<void>
  reveal: (id: Id, field: RevealField, options?: RequestOptions) => Promise<{ value: string }>
}

/** The identity fields every person form has. */
export interface PersonBaseModel {
  name: string
  idNumber: string
  gender: string
  birthDate: DateString | null
  phone: string
  address: string
  education: string
  ethnicity: string
  orgId: Id | null
  tags: string[]
}

export const PERSON_BASE_FIELDS = [
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'phone',
  'address',
  'education',
  'ethnicity',
  'orgId',
  'tags',
] as const

export type PersonBaseField = (typeof PERSON_BASE_FIELDS)[number]

/** The identity part of a create/update body. `idNumber`/`phone` null = keep the stored value (PUT). */
export interface PersonBaseInput {
  name: string
  idNumber: string | null
  gender: string
  birthDate: DateString | null
  phone: string | null
  address: string | null
  education: string | null
  ethnicity: string | null
  orgId: Id | null
  tags: string[]
}
