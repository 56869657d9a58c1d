import type { LocationQueryValue } from 'vue-router'

/** The `?redirect=` target after sign-in: only same-site paths are followed. */
export function safeRedirect(value: LocationQueryValue | LocationQueryValue[] | undefined): string {
  const v = Array.isArray(value) ? value[0] : value
  if (typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/login')) return v
  return '/'
}
