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

/** Roles are identified by their Chinese names (docs/api.md); there is no endpoint listing them. */
export const ROLES = [
  { name: '系统管理员', desc: '管理用户账号' },
  { name: '安全管理员', desc: '分配角色、解锁账号' },
  { name: '审计管理员', desc: '查看与校验审计日志' },
  { name: '组织管理员', desc: '维护党组织与党员' },
  { name: '工作人员', desc: '日常录入与查询' },
] as const
