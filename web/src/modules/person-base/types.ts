/**
 * Building blocks shared by every register of people (党员, 居民, and later 流动党员, 社区工作者):
 * the rows share masked ID/phone, organization and tags; the forms share the identity fields.
 * Server shapes come from the generated schema (`@/shared/api`).
 */
import type { Schema } from '@/shared/api'
import type { DateString, Id, Page, QueryParams } from '@/shared/types'
import type { RequestOptions } from '@/shared/http'

export type Gender = Schema<'Modules.Members.Domain.Gender'>
export type Education = Schema<'Modules.Members.Domain.Education'>

/** `RevealRequest.field`: the schema types it as a string; the server accepts these two. */
export type RevealField = 'idNumber' | 'phone'
export type RevealResponse = Schema<'Modules.Members.Features.RevealResponse'>

type MemberRow = Schema<'Modules.Members.Features.MemberRow'>
type PersonRow = Schema<'Modules.Members.Features.PersonRow'>
type MemberDetail = Schema<'Modules.Members.Features.MemberDetail'>
type PersonDetail = Schema<'Modules.Members.Features.PersonDetail'>
type MemberInput = Schema<'Modules.Members.Features.MemberInput'>
type PersonInput = Schema<'Modules.Members.Features.PersonInput'>

type RowField = 'id' | 'name' | 'gender' | 'birthDate' | 'idNumberMasked' | 'phoneMasked' | 'orgId' | 'orgName' | 'tags'
type DetailField = RowField | 'address' | 'education' | 'ethnicity' | 'createdAt' | 'updatedAt' | 'version'

/** What every register's row has (党员 and 居民 rows both carry these). */
export type PersonLikeRow = Pick<MemberRow, RowField> & Pick<PersonRow, RowField>

/** What every register's detail has. */
export type PersonLikeDetail = Pick<MemberDetail, DetailField> & Pick<PersonDetail, DetailField>

/** The endpoints a register exposes (`/members`, `/people`, …). */
export interface RecordApi<Row, Detail, Input, Query extends QueryParams> {
  list: (query: Query, options?: RequestOptions) => Promise<Page<Row>>
  get: (id: Id, options?: RequestOptions) => Promise<Detail>
  create: (input: Input, options?: RequestOptions) => Promise<Detail>
  update: (id: Id, input: Input, options?: RequestOptions) => Promise<Detail>
  remove: (id: Id, reason: string, options?: RequestOptions) => Promise<void>
  reveal: (id: Id, field: RevealField, options?: RequestOptions) => Promise<RevealResponse>
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
  'version',
] as const satisfies readonly (keyof MemberInput & keyof PersonInput)[]

export type PersonBaseField = (typeof PERSON_BASE_FIELDS)[number]

/** The identity fields every person form has ('' / null = not filled in). */
export interface PersonBaseModel {
  name: string
  idNumber: string
  gender: Gender | ''
  birthDate: DateString | null
  phone: string
  address: string
  education: Education | ''
  ethnicity: string
  orgId: Id | null
  tags: string[]
}

/**
 * The identity part of a create/update body (the same in `MemberInput` and `PersonInput`).
 * `idNumber`/`phone` null = keep the stored value (PUT).
 */
export type PersonBaseInput = Pick<MemberInput, PersonBaseField> & Pick<PersonInput, PersonBaseField>
