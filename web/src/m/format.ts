/** Display formatters of the phone pages: instants in China time (Asia/Shanghai), whatever the phone's zone. */
const EMPTY = '—'

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

interface ChinaParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
}

function chinaParts(value: string): ChinaParts | null {
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return null
  const out: Record<string, string> = {}
  for (const p of parts.formatToParts(d)) out[p.type] = p.value
  return { year: out.year ?? '', month: out.month ?? '', day: out.day ?? '', hour: out.hour ?? '', minute: out.minute ?? '' }
}

/** `YYYY-MM-DD HH:mm`, China time. */
export function chinaDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY
  const p = chinaParts(value)
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : value
}

/** `MM-DD HH:mm` this year, `YYYY-MM-DD HH:mm` otherwise (China time): for lists. */
export function chinaShortDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY
  const p = chinaParts(value)
  const now = chinaParts(new Date().toISOString())
  if (!p) return value
  return p.year === now?.year ? `${p.month}-${p.day} ${p.hour}:${p.minute}` : `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** Time left until `deadline`: `2天3小时`, `5小时`, `40分钟`; null when it has passed. */
export function timeLeft(deadline: string | null | undefined, now = Date.now()): string | null {
  if (!deadline) return null
  const ms = new Date(deadline).getTime() - now
  if (Number.isNaN(ms) || ms <= 0) return null
  const minutes = Math.floor(ms / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`
  if (hours > 0) return `${hours}小时`
  return `${Math.max(1, minutes)}分钟`
}

/** A WGS-84 point as `经度, 纬度` with 6 decimals (about 0.1 m). */
export function formatPoint(lon: number | null | undefined, lat: number | null | undefined): string {
  if (lon == null || lat == null) return ''
  return `${lon.toFixed(6)}, ${lat.toFixed(6)}`
}
