/**
 * The signed-in user (`Me`) and permission checks. Cross-cutting, so it lives in shared/:
 * the router guard, the layout and every module read it.
 */
import { computed, reactive, readonly } from 'vue'
import type { Schema } from './api'
import { http, isApiError, refreshAntiforgery } from './http'
import type { Me, Permission } from './types'

interface SessionState {
  me: Me | null
  loaded: boolean
}

const state = reactive<SessionState>({ me: null, loaded: false })
let loading: Promise<Me | null> | null = null

export const session = readonly(state)

/** Loads the session once (antiforgery cookie + `GET /auth/me`). Safe to call repeatedly. */
export function ensureSession(): Promise<Me | null> {
  if (state.loaded) return Promise.resolve(state.me)
  loading ??= (async () => {
    await refreshAntiforgery()
    try {
      state.me = await http.get<Me>('/auth/me', { anonymous: true, handled: true })
    } catch (e) {
      if (!isApiError(e) || e.status !== 401) console.warn('加载登录信息失败', e)
      state.me = null
    }
    state.loaded = true
    loading = null
    return state.me
  })()
  return loading
}

export async function signIn(userName: string, password: string): Promise<Me> {
  const body: Schema<'Platform.Access.AuthEndpoints.LoginRequest'> = { userName, password }
  const me = await http.post<Me>('/auth/login', body, { anonymous: true, handled: true })
  state.me = me
  state.loaded = true
  // The antiforgery token is bound to the identity: re-issue it for the new session.
  await refreshAntiforgery()
  return me
}

export async function signOut(): Promise<void> {
  try {
    await http.post<void>('/auth/logout', undefined, { anonymous: true, handled: true })
  } catch {
    // signing out of an expired session is fine
  }
  clearSession()
  await refreshAntiforgery()
}

/** Forget the user locally (after 401 or sign-out). */
export function clearSession(): void {
  state.me = null
  state.loaded = true
}

/** True when the user holds the permission (any of them, for an array; always for undefined). */
export function can(permission: Permission | readonly Permission[] | undefined): boolean {
  if (!permission) return true
  const held = state.me?.permissions ?? []
  const wanted: readonly Permission[] = typeof permission === 'string' ? [permission] : permission
  return wanted.length === 0 || wanted.some((p) => held.includes(p))
}

export function useSession() {
  return {
    me: computed(() => state.me),
    signedIn: computed(() => state.me !== null),
    can,
  }
}
