/** Small helpers of the 组织生活 pages: dates, times, and whether an organization is a 党支部 (months: shared/month.ts). */
import { pad } from '@/shared/format'
import { loadDictionaries } from '@/shared/dictionaries'
import { orgApi } from '@/modules/orgs/api'
import type { OrgDetail, OrgKind } from '@/modules/orgs/types'
import type { Id } from '@/shared/types'

/** January of this year, `YYYY-01` (the default start of a compliance period). */
export function yearStartMonth(): string {
  return `${new Date().getFullYear()}-01`
}

export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(new Date(`${value}T00:00:00`).getTime())
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** `2026-03-05` → `周四`. */
export function weekdayOf(date: string): string {
  const d = new Date(`${date}T00:00:00`)
  return Number.isNaN(d.getTime()) ? '' : `周${WEEKDAYS[d.getDay()]}`
}

/**
 * A typed time made into `HH:mm`: `930`, `9:30`, `9.30`, `9：30`, `0930` → `09:30`. Returns the input
 * unchanged when it cannot be read (the field then shows the format hint).
 */
export function normalizeTime(raw: string): string {
  const v = raw.trim().replace(/[：.．。,，\s]/g, ':')
  if (!v) return ''
  let h: number
  let m: number
  const parts = /^(\d{1,2}):(\d{1,2})$/.exec(v)
  if (parts) {
    h = Number(parts[1])
    m = Number(parts[2])
  } else if (/^\d{3,4}$/.test(v)) {
    h = Number(v.slice(0, v.length - 2))
    m = Number(v.slice(-2))
  } else if (/^\d{1,2}$/.test(v)) {
    h = Number(v)
    m = 0
  } else {
    return raw.trim()
  }
  if (h > 23 || m > 59) return raw.trim()
  return `${pad(h)}:${pad(m)}`
}

export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
}

export function percent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return '—'
  return `${value.toFixed(digits).replace(/\.0+$/, '')}%`
}

// --- branches -------------------------------------------------------------------------------------

/** Branch-level kinds, should the dictionaries not have loaded. */
const BRANCH_KINDS: readonly OrgKind[] = [
  'Branch',
  'RetiredCadreBranch',
  'MobileBranch',
  'GridBranch',
  'CompoundBranch',
  'PropertyBranch',
  'SeniorCollegeTempBranch',
]

export async function isBranchKind(kind: OrgKind): Promise<boolean> {
  const dicts = await loadDictionaries().catch(() => null)
  const level = dicts?.orgKinds.find((k) => k.value === kind)?.level
  return level ? level === 'Branch' : BRANCH_KINDS.includes(kind)
}

const orgCache = new Map<Id, Promise<OrgDetail | null>>()

/** An organization's detail (cached for the session; null when it cannot be read). */
export function orgInfo(id: Id): Promise<OrgDetail | null> {
  let hit = orgCache.get(id)
  if (!hit) {
    hit = orgApi.get(id, { handled: true }).catch(() => {
      orgCache.delete(id)
      return null
    })
    orgCache.set(id, hit)
  }
  return hit
}

/** Whether the organization is a 党支部 (of any branch kind). */
export async function isBranchOrg(id: Id | null | undefined): Promise<boolean> {
  if (!id) return false
  const org = await orgInfo(id)
  return !!org && org.status === 'Active' && (await isBranchKind(org.kind))
}
