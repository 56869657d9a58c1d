/** Months as the console keeps them in URLs and filters: `YYYY-MM` strings, local time. */
import { pad } from './format'

/** `YYYY-MM` of a date (default: this month). */
export function monthOf(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`
}

/** `YYYY-MM` of a year and a month (1–12). */
export function toMonth(year: number, month: number): string {
  return `${year}-${pad(month)}`
}

export function isMonth(value: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value)
}

/** `YYYY-MM` → year and month (undefined when malformed). */
export function parseMonth(value: string): { year: number; month: number } | undefined {
  if (!isMonth(value)) return undefined
  const [year, month] = value.split('-').map(Number) as [number, number]
  return { year, month }
}

/** The month `delta` months after `month` (before, when negative); from this month when `month` is malformed. */
export function shiftMonth(month: string, delta: number): string {
  const p = parseMonth(month) ?? parseMonth(monthOf())!
  return monthOf(new Date(p.year, p.month - 1 + delta, 1))
}

/** First and last day (`YYYY-MM-DD`) of a month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(y, m, 0).getDate()
  return { from: `${month}-01`, to: `${month}-${pad(last)}` }
}

/** `2026-01` → `2026年1月`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-')
  return y && m ? `${y}年${Number(m)}月` : month
}
