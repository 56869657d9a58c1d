/** 薪酬体系与工资: aliases of the server's shapes and the console's labels. */
import type { QueryOf, Schema } from '@/shared/api'

export type WorkerPost = Schema<'Modules.Workforce.Domain.WorkerPost'>
export type SchemeState = Schema<'Modules.Workforce.Domain.SchemeState'>
export type SchemeRow = Schema<'Modules.Workforce.Features.Pay.SchemeRow'>
export type SchemeDetail = Schema<'Modules.Workforce.Features.Pay.SchemeDetail'>
export type SchemeInput = Schema<'Modules.Workforce.Features.Pay.SchemeInput'>
export type AllowanceRuleInput = Schema<'Modules.Workforce.Features.Pay.AllowanceRuleInput'>
export type CopyInput = Schema<'Modules.Workforce.Features.Pay.CopyInput'>
export type SchemeQuery = QueryOf<'/api/v1/workforce/schemes'>
export type Payroll = Schema<'Modules.Workforce.Features.Pay.Payroll'>
export type PayrollRow = Schema<'Modules.Workforce.Features.Pay.PayrollRow'>
export type WorkerPayHistory = Schema<'Modules.Workforce.Features.Pay.WorkerPayHistory'>
export type PayMonthView = Schema<'Modules.Workforce.Features.Pay.PayMonthView'>
export type PayLineView = Schema<'Modules.Workforce.Features.Pay.PayLineView'>

export const WORKER_POSTS: readonly WorkerPost[] = ['Secretary', 'DeputySecretary', 'CommitteeMember', 'GridWorker', 'Other']
export const WORKER_POST_LABELS: Record<WorkerPost, string> = {
  Secretary: '书记/主任',
  DeputySecretary: '副书记/副主任',
  CommitteeMember: '两委成员',
  GridWorker: '专职网格员',
  Other: '其他社区工作者',
}

export const STATE_TAGS: Record<SchemeState, 'info' | 'warning' | 'success' | ''> = {
  Draft: 'info',
  Pending: 'warning',
  InForce: 'success',
  Past: '',
}

/** Yuan with two decimals and thousands separators (¥ omitted: the column says 元). */
export function yuan(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—'
  return v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** 一岗 … 十岗 for new schemes. */
export function defaultPostNames(n: number): string[] {
  const digits = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
  return Array.from({ length: n }, (_, i) => (i < 10 ? `${digits[i]}岗` : `${i + 1}岗`))
}
