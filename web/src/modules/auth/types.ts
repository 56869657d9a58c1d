import type { Schema } from '@/shared/api'

export type LoginInput = Schema<'Platform.Access.AuthEndpoints.LoginRequest'>
export type ChangePasswordInput = Schema<'Platform.Access.AuthEndpoints.ChangePasswordRequest'>

/** The sign-in form (the request's fields, never null while editing). */
export type LoginForm = Record<keyof LoginInput, string>
