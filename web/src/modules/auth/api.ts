import { http, type RequestOptions } from '@/shared/http'
import type { ChangePasswordInput } from './types'

// Sign-in, sign-out and `me` are in shared/session.ts (the router needs them).
export const authApi = {
  changePassword: (input: ChangePasswordInput, options?: RequestOptions) =>
    http.post<void>('/auth/change-password', input, options),
}
