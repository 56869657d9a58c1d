/**
 * Who uses the phone pages: a grid worker on their platform session (`/auth/me`), or a resident signed in with
 * their phone and an SMS code (`/resident/me`). The two are independent cookies; a resident holds no platform
 * session (`/auth/me` answers 401 for them, so does every `/grid/…` endpoint). When a phone has both, the kind
 * that signed in last wins.
 */
import { computed, shallowRef } from 'vue'
import { http, isApiError, refreshAntiforgery } from '@/shared/http'
import {
  clearSession as clearPlatformSession,
  ensureSession as ensurePlatformSession,
  signIn as platformSignIn,
  signOut as platformSignOut,
} from '@/shared/session'
import type { Me } from '@/shared/types'
import type { CodeSent, ResidentMe } from './types'

export type UserKind = 'staff' | 'resident'

export type PhoneUser = { kind: 'staff'; me: Me } | { kind: 'resident'; phoneMasked: string }

const user = shallowRef<PhoneUser | null>(null)
let loaded = false
let loading: Promise<PhoneUser | null> | null = null

/** The signed-in user now (null before {@link ensureUser} or when nobody is signed in). */
export function currentUser(): PhoneUser | null {
  return user.value
}

async function fetchResident(): Promise<ResidentMe | null> {
  try {
    return await http.get<ResidentMe>('/resident/me', { anonymous: true, handled: true })
  } catch (e) {
    if (!isApiError(e) || e.status !== 401) console.warn('加载居民登录信息失败', e)
    return null
  }
}

async function fetchStaff(): Promise<PhoneUser | null> {
  const me = await ensurePlatformSession()
  return me ? { kind: 'staff', me } : null
}

async function fetchResidentUser(): Promise<PhoneUser | null> {
  await refreshAntiforgery()
  const me = await fetchResident()
  return me ? { kind: 'resident', phoneMasked: me.phoneMasked } : null
}

/**
 * Loads who is signed in, once. Safe to call repeatedly. The kind that signed in last on this phone is asked
 * first (a resident's page load then makes no `/auth/me` call that can only fail), the other one next.
 */
export function ensureUser(): Promise<PhoneUser | null> {
  if (loaded) return Promise.resolve(user.value)
  loading ??= (async () => {
    const order = lastUserKind() === 'resident' ? [fetchResidentUser, fetchStaff] : [fetchStaff, fetchResidentUser]
    let found: PhoneUser | null = null
    for (const fetchUser of order) {
      found = await fetchUser()
      if (found) break
    }
    user.value = found
    loaded = true
    loading = null
    return found
  })()
  return loading
}

/** 网格员: the platform sign-in (user name and password). */
export async function signInStaff(userName: string, password: string): Promise<PhoneUser> {
  const me = await platformSignIn(userName, password)
  user.value = { kind: 'staff', me }
  loaded = true
  return user.value
}

/** 居民: asks for a sign-in code by SMS (errors under `phone`: the number, once a minute, ten a day). */
export function sendResidentCode(phone: string): Promise<CodeSent> {
  return http.post<CodeSent>('/resident/code', { phone }, { anonymous: true, handled: true })
}

/** 居民: signs in with the code (errors under `code` or `phone`). */
export async function signInResident(phone: string, code: string): Promise<PhoneUser> {
  const me = await http.post<ResidentMe>('/resident/login', { phone, code }, { anonymous: true, handled: true })
  user.value = { kind: 'resident', phoneMasked: me.phoneMasked }
  loaded = true
  return user.value
}

/** Ends the session of whoever is signed in. */
export async function signOut(): Promise<void> {
  const kind = user.value?.kind
  if (kind === 'staff') {
    await platformSignOut()
  } else if (kind === 'resident') {
    try {
      await http.post<void>('/resident/logout', undefined, { anonymous: true, handled: true })
    } catch {
      // signing out of an expired session is fine
    }
    rememberResidentName('')
  }
  clearUser()
}

/** Forgets the user locally (after a 401 or sign-out). */
export function clearUser(): void {
  clearPlatformSession()
  user.value = null
  loaded = true
}

/** The kind of user who signed in last on this phone: the sign-in page opens on their tab. */
const LAST_KIND_KEY = 'lianxin.m.lastKind'

export function lastUserKind(): UserKind | null {
  try {
    const kind = localStorage.getItem(LAST_KIND_KEY)
    return kind === 'staff' || kind === 'resident' ? kind : null
  } catch {
    return null
  }
}

export function rememberUserKind(kind: UserKind): void {
  try {
    localStorage.setItem(LAST_KIND_KEY, kind)
  } catch {
    // private mode: the sign-in page opens on the resident tab
  }
}

/** A resident's 称呼 (e.g. 王阿姨), kept on the phone for their next report until they sign out. */
const NAME_KEY = 'lianxin.m.residentName'

export function residentName(): string {
  if (user.value?.kind !== 'resident') return ''
  try {
    return localStorage.getItem(NAME_KEY) ?? ''
  } catch {
    return ''
  }
}

export function rememberResidentName(name: string): void {
  if (user.value?.kind !== 'resident') return
  try {
    if (name) localStorage.setItem(NAME_KEY, name)
    else localStorage.removeItem(NAME_KEY)
  } catch {
    // private mode: nothing kept
  }
}

export function useUser() {
  return {
    user: computed(() => user.value),
    /** The grid worker's `Me` (null for a resident). */
    staff: computed(() => (user.value?.kind === 'staff' ? user.value.me : null)),
    isResident: computed(() => user.value?.kind === 'resident'),
    signedIn: computed(() => user.value !== null),
  }
}
