import type { Schema } from '@/shared/api'
import { http, type RequestOptions } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type { UserCreateInput, UserQuery, UserRow, UserUpdateInput } from './types'

const one = (id: Id) => `/users/${encodeURIComponent(id)}`

export const userApi = {
  list: (query: UserQuery, options?: RequestOptions) => http.get<Page<UserRow>>('/users', { ...options, query }),
  /** The role names (Chinese names are the identifiers). */
  roles: (options?: RequestOptions) => http.get<string[]>('/users/roles', options),
  create: (input: UserCreateInput, options?: RequestOptions) => http.post<UserRow>('/users', input, options),
  update: (id: Id, input: UserUpdateInput, options?: RequestOptions) => http.put<UserRow>(one(id), input, options),
  setRoles: (id: Id, roles: string[], options?: RequestOptions) =>
    http.put<UserRow>(`${one(id)}/roles`, { roles } satisfies Schema<'Platform.Access.UserEndpoints.SetRolesRequest'>, options),
  unlock: (id: Id, options?: RequestOptions) => http.post<void>(`${one(id)}/unlock`, undefined, options),
  /** 204; the server ends the user's sessions. */
  resetPassword: (id: Id, newPassword: string, options?: RequestOptions) =>
    http.post<void>(
      `${one(id)}/reset-password`,
      { newPassword } satisfies Schema<'Platform.Access.UserEndpoints.ResetPasswordRequest'>,
      options,
    ),
}
