import type { Id, Instant } from '@/shared/types'

export interface UserRow {
  id: Id
  userName: string
  displayName: string
  orgId: Id | null
  orgName: string | null
  /** Chinese role names (the identifiers). */
  roles: string[]
  isActive: boolean
  lockedUntil: Instant | null
  lastSignInAt: Instant | null
}

export interface UserCreateInput {
  userName: string
  displayName: string
  orgId: Id | null
  password: string
  roles: string[]
}

export interface UserUpdateInput {
  displayName: string
  orgId: Id | null
  isActive: boolean
}

export type UserQuery = {
  q?: string
  page?: number
  pageSize?: number
}

export type UserFilters = {
  q: string
}

/**
 * A line about each role for the 分配角色 dialog. The role names themselves come from
 * `GET /users/roles`; a role missing here is simply shown without a description.
 */
export const ROLE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  系统管理员: '管理用户账号',
  安全管理员: '分配角色、解锁账号、重置密码',
  审计管理员: '查看与校验审计日志',
  组织管理员: '维护党组织与党员',
  工作人员: '日常录入与查询',
}
