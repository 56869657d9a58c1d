/** 后备人才库、竞聘上岗与书记备案: aliases of the server's shapes and the console's labels. */
import {
  modulesWorkforceDomainFilingStatusValues,
  modulesWorkforceDomainReserveKindValues,
  modulesWorkforceDomainReserveStatusValues,
  modulesWorkforceDomainWorkerPostValues,
} from '@/shared/api-schema'
import type { QueryOf, Schema } from '@/shared/api'

export type ReserveKind = Schema<'Modules.Workforce.Domain.ReserveKind'>
export type ReserveStatus = Schema<'Modules.Workforce.Domain.ReserveStatus'>
export type FilingStatus = Schema<'Modules.Workforce.Domain.FilingStatus'>
export type WorkerPost = Schema<'Modules.Workforce.Domain.WorkerPost'>

export type ReserveRow = Schema<'Modules.Workforce.Features.ReserveRow'>
export type ReserveInput = Schema<'Modules.Workforce.Features.ReserveInput'>
export type ReserveLeaveInput = Schema<'Modules.Workforce.Features.ReserveLeaveInput'>
export type ReserveQuery = QueryOf<'/api/v1/workforce/reserve'>

export type CompetitionInput = Schema<'Modules.Workforce.Features.CompetitionInput'>
export type CompetitionRow = Schema<'Modules.Workforce.Features.CompetitionRow'>

export type FilingInput = Schema<'Modules.Workforce.Features.FilingInput'>
export type FilingDecision = Schema<'Modules.Workforce.Features.FilingDecision'>
export type FilingRow = Schema<'Modules.Workforce.Features.FilingRow'>
export type SecretaryFilingState = Schema<'Modules.Workforce.Features.SecretaryFilingState'>

/** The roster row the worker pickers offer (name, community, current post and grade). */
export type WorkerRow = Schema<'Modules.Workforce.Features.WorkerRow'>
export type WorkerQuery = QueryOf<'/api/v1/workforce/workers'>

export const RESERVE_KINDS = modulesWorkforceDomainReserveKindValues
export const RESERVE_STATUSES = modulesWorkforceDomainReserveStatusValues
/** The ways out of the pool (not 在库). */
export const LEAVE_STATUSES = RESERVE_STATUSES.filter((s): s is Exclude<ReserveStatus, 'InPool'> => s !== 'InPool')
export const FILING_STATUSES = modulesWorkforceDomainFilingStatusValues
export const WORKER_POSTS = modulesWorkforceDomainWorkerPostValues

// The labels are the server's (ReserveLabels, WorkforceLabels); rows carry them too, filters and forms need them up front.
export const RESERVE_KIND_LABELS: Record<ReserveKind, string> = { SecretaryReserve: '社区书记后备', CommitteeReserve: '两委后备' }
export const RESERVE_KIND_TAGS = { SecretaryReserve: 'danger', CommitteeReserve: 'primary' } as const satisfies Record<ReserveKind, string>
export const RESERVE_STATUS_LABELS: Record<ReserveStatus, string> = { InPool: '在库', Promoted: '已使用', Removed: '已出库' }
export const RESERVE_STATUS_TAGS = { InPool: 'success', Promoted: 'primary', Removed: 'info' } as const satisfies Record<ReserveStatus, string>
export const LEAVE_HINTS: Record<Exclude<ReserveStatus, 'InPool'>, string> = {
  Promoted: '已选任为社区书记或两委成员；任职后的岗位变动请在其档案中登记，或通过「竞聘上岗」登记',
  Removed: '因考察不合格、本人意愿、调离等原因不再作为后备',
}

export const POST_LABELS: Record<WorkerPost, string> = {
  Secretary: '书记/主任',
  DeputySecretary: '副书记/副主任',
  CommitteeMember: '两委成员',
  GridWorker: '专职网格员',
  Other: '其他社区工作者',
}

/** 书记备案 state of a secretary: no filing yet (未报备) or the latest filing's status. */
export type FilingState = 'None' | FilingStatus
export const FILING_STATES: readonly FilingState[] = ['None', ...FILING_STATUSES]
export const FILING_STATE_LABELS: Record<FilingState, string> = { None: '未报备', Submitted: '已报备', Accepted: '已备案', Returned: '已退回' }
export const FILING_STATE_TAGS = { None: 'info', Submitted: 'warning', Accepted: 'success', Returned: 'danger' } as const satisfies Record<FilingState, string>

export function filingState(s: SecretaryFilingState): FilingState {
  return s.latest?.status ?? 'None'
}

/** The list's state filter: one state, or 待报备 (未报备 and 已退回: the street still has to file). */
export type FilingFilter = FilingState | 'Pending'
export const FILING_FILTERS: readonly FilingFilter[] = ['Pending', ...FILING_STATES]
export const FILING_FILTER_LABELS: Record<FilingFilter, string> = { Pending: '待报备', ...FILING_STATE_LABELS }

export function inFilter(s: SecretaryFilingState, filter: FilingFilter): boolean {
  const state = filingState(s)
  return filter === 'Pending' ? state === 'None' || state === 'Returned' : state === filter
}

/** What is still to do first: 未报备 / 已退回, then 已报备 (awaiting the county), then 已备案. */
export const FILING_STATE_ORDER: Record<FilingState, number> = { None: 0, Returned: 0, Submitted: 1, Accepted: 2 }

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二 (1–99), as clerks write the 薪酬岗. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n)
  if (n < 10) return DIGITS[n] ?? String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones ? (DIGITS[ones] ?? '') : ''}`
}

/** 岗级档 as clerks write it: 三岗·5级·3档. */
export function gradeLabel(g: { payPost: number; level: number; step: number }): string {
  return `${chineseNumber(g.payPost)}岗·${g.level}级·${g.step}档`
}
