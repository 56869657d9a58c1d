/** Shared API shapes (see docs/api.md). Dates are `YYYY-MM-DD`, instants ISO 8601 UTC. */

export type Id = string
/** `YYYY-MM-DD` */
export type DateString = string
/** ISO 8601 instant (UTC). */
export type Instant = string

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

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
] as const

export type Permission = (typeof PERMISSIONS)[number]

export interface Me {
  id: Id
  userName: string
  displayName: string
  /** Chinese role names, e.g. 系统管理员. */
  roles: string[]
  permissions: string[]
  orgId: Id | null
  orgName: string | null
}

export interface DictItem {
  value: string
  label: string
}

export type OrgLevel = 'Committee' | 'GeneralBranch' | 'Branch' | 'Group'

export interface OrgKindItem extends DictItem {
  level: OrgLevel
}

export interface Dictionaries {
  orgKinds: OrgKindItem[]
  genders: DictItem[]
  memberStatuses: DictItem[]
  memberCategories: DictItem[]
  educations: DictItem[]
  regionLevels: DictItem[]
}

export type DictionaryName = keyof Dictionaries

export interface TagCount {
  name: string
  count: number
}

/** A value of a URL query / request query string. */
export type QueryValue = string | number | boolean | null | undefined
export type QueryParams = Record<string, QueryValue>

/** A node of a lazily loaded tree (organizations, regions). */
export interface LazyTreeItem {
  id: Id
  name: string
  hasChildren: boolean
}
