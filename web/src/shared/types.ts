/**
 * Shared API shapes. Server shapes are aliases of the generated schema (`./api.ts`, docs/openapi.json);
 * what is written here is the console's own. Dates are `YYYY-MM-DD`, instants ISO 8601 UTC.
 */
import type { Schema } from './api'

export type { Page } from './api'

export type Id = string
/** `YYYY-MM-DD` */
export type DateString = string
/** ISO 8601 instant (UTC). */
export type Instant = string

export const PERMISSIONS = [
  'org:read',
  'org:write',
  'member:read',
  'member:write',
  'member:reveal',
  'person:read',
  'person:write',
  'region:write',
  'user:read',
  'user:write',
  'role:assign',
  'audit:read',
  'orglife:read',
  'orglife:write',
  'orglife:review',
  'mobile:read',
  'mobile:write',
  'mobile:approve',
  'grid:read',
  'grid:report',
  'grid:dispatch',
  'grid:write',
  'workforce:read',
  'workforce:write',
  'workforce:manage',
  'settings:write',
] as const

/** The permission strings the console checks (`Me.permissions` is a plain string list in the schema). */
export type Permission = (typeof PERMISSIONS)[number]

/** `GET /auth/me`. `roles` are Chinese role names, e.g. 系统管理员. */
export type Me = Schema<'Platform.Access.AuthEndpoints.Me'>

/** An entry of a dictionary: enum value → Chinese label (`level` only on `orgKinds`). */
export type DictItem = Schema<'Modules.Organizations.OrganizationsModule.Option'>

/**
 * The level of an organization kind (`orgKinds[].level`). Console-side: the schema types `level` as a
 * plain string (the server writes its `OrgLevel` enum with `ToString()`).
 */
export type OrgLevel = 'Committee' | 'GeneralBranch' | 'Branch' | 'Group'

/** `GET /meta/dictionaries`. */
export type Dictionaries = Schema<'Modules.Organizations.OrganizationsModule.Dictionaries'>

export type DictionaryName = keyof Dictionaries

export type TagCount = Schema<'Modules.Members.Features.TagCount'>

/** A value of a URL query / request query string. */
export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue>

/** A node of a lazily loaded tree (organizations, regions). */
export interface LazyTreeItem {
  id: Id
  name: string
  hasChildren: boolean
}
