import type { QueryOf, Schema } from '@/shared/api'

/** `roles`: Chinese role names (the identifiers). */
export type UserRow = Schema<'Platform.Access.UserEndpoints.UserRow'>
export type UserCreateInput = Schema<'Platform.Access.UserEndpoints.CreateUserRequest'>
export type UserUpdateInput = Schema<'Platform.Access.UserEndpoints.UpdateUserRequest'>

/** `GET /users` query. */
export type UserQuery = QueryOf<'/api/v1/users'>

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
  网格员: '上报网格事件、记录处置',
}
