/** Display formatters. Dates are shown YYYY-MM-DD everywhere. */

const EMPTY = '—'

/** Two digits: `7` → `07`. */
export function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** `YYYY-MM-DD` (date strings pass through; instants are shown in local time). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return EMPTY
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** `YYYY-MM-DD HH:mm` in local time. */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return EMPTY
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${withSeconds ? `:${pad(d.getSeconds())}` : ''}`
  return `${formatDate(value)} ${time}`
}

export function formatText(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY
  return String(value)
}

export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return EMPTY
  return value.toLocaleString('zh-CN')
}

/** Today as `YYYY-MM-DD` (local). */
export function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** A file size: `1.2 MB`, `356 KB` (at least 1 KB). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/** Pretty-prints a JSON string; returns the input unchanged when it is not JSON. */
export function prettyJson(value: string | null | undefined): string {
  if (!value) return ''
  try {
    return JSON.stringify(JSON.parse(value) as unknown, null, 2)
  } catch {
    return value
  }
}
