/**
 * 居民身份证号码 (GB 11643-1999) helpers — a client-side hint only; the server is the authority.
 */
import type { Schema } from './api'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export interface IdNumberInfo {
  /** `YYYY-MM-DD` */
  birthDate: string
  gender: Schema<'Modules.Members.Domain.Gender'>
}

export type IdNumberCheck =
  | { ok: true; info: IdNumberInfo }
  | { ok: false; reason: string }

export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase()
}

export function checkDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARS[sum % 11] ?? ''
}

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

export function checkIdNumber(raw: string): IdNumberCheck {
  const value = normalizeIdNumber(raw)
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: '身份证号应为18位，最后一位可以是X' }
  const y = Number(value.slice(6, 10))
  const m = Number(value.slice(10, 12))
  const d = Number(value.slice(12, 14))
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  if (y < 1900 || !validDate(y, m, d) || birthDate > new Date().toISOString().slice(0, 10)) {
    return { ok: false, reason: '身份证号中的出生日期无效' }
  }
  const expected = checkDigit(value.slice(0, 17))
  if (expected !== value[17]) return { ok: false, reason: `校验位不符（按前17位计算应为 ${expected}），请核对` }
  const genderDigit = Number(value[16])
  return { ok: true, info: { birthDate, gender: genderDigit % 2 === 1 ? 'Male' : 'Female' } }
}
