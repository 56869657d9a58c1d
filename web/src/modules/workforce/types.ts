/** 社区工作者花名册 types (aliases of the API schema) and the Chinese labels the pages share. */
import {
  modulesWorkforceDomainCertificateLevelValues,
  modulesWorkforceDomainPoliticalStatusValues,
  modulesWorkforceDomainPostChangeKindValues,
  modulesWorkforceDomainWorkerPostValues,
  modulesWorkforceDomainWorkerStatusValues,
} from '@/shared/api-schema'
import type { QueryOf, Schema } from '@/shared/api'
import type { DateString, Id } from '@/shared/types'

export type WorkerPost = Schema<'Modules.Workforce.Domain.WorkerPost'>
export type WorkerStatus = Schema<'Modules.Workforce.Domain.WorkerStatus'>
export type PoliticalStatus = Schema<'Modules.Workforce.Domain.PoliticalStatus'>
export type CertificateLevel = Schema<'Modules.Workforce.Domain.CertificateLevel'>
export type PostChangeKind = Schema<'Modules.Workforce.Domain.PostChangeKind'>
export type Gender = Schema<'Modules.Members.Domain.Gender'>
export type Education = Schema<'Modules.Members.Domain.Education'>

export type WorkerRow = Schema<'Modules.Workforce.Features.WorkerRow'>
export type WorkerDetail = Schema<'Modules.Workforce.Features.WorkerDetail'>
export type WorkerInput = Schema<'Modules.Workforce.Features.WorkerInput'>
export type CertificateRow = Schema<'Modules.Workforce.Features.CertificateRow'>
export type CertificateInput = Schema<'Modules.Workforce.Features.CertificateInput'>
export type PostChangeRow = Schema<'Modules.Workforce.Features.PostChangeRow'>
export type PostChangeInput = Schema<'Modules.Workforce.Features.PostChangeInput'>
export type StatusInput = Schema<'Modules.Workforce.Features.StatusInput'>
export type PopulationRow = Schema<'Modules.Workforce.Features.PopulationRow'>
export type PopulationInput = Schema<'Modules.Workforce.Features.PopulationInput'>
export type StaffingReport = Schema<'Modules.Workforce.Features.StaffingReport'>
export type StaffingRow = Schema<'Modules.Workforce.Features.StaffingRow'>
export type StructureReport = Schema<'Modules.Workforce.Features.StructureReport'>
export type Share = Schema<'Modules.Workforce.Features.Share'>
export type WorkforceSettings = Schema<'Modules.Workforce.Features.WorkforceSettingsView'>
// The roster import reports like the member roster's (the same server types).
export type ImportMode = Schema<'Modules.Members.Features.ImportMode'>
export type RowOutcome = Schema<'Modules.Members.Features.RowOutcome'>
export type ImportReport = Schema<'Modules.Members.Features.ImportReport'>
export type ImportRowResult = Schema<'Modules.Members.Features.ImportRowResult'>

/** `GET /workforce/workers` query (camelCase, as the console sends it). */
export type WorkerQuery = QueryOf<'/api/v1/workforce/workers'>

/** List filters as kept in the URL ('' = not set; `certified` is 'true' / 'false'). */
export type WorkerFilters = Record<'orgId' | 'q' | 'post' | 'status' | 'certified', string>

export const WORKER_POSTS = modulesWorkforceDomainWorkerPostValues
export const WORKER_STATUSES = modulesWorkforceDomainWorkerStatusValues
export const POLITICAL_STATUSES = modulesWorkforceDomainPoliticalStatusValues
export const CERTIFICATE_LEVELS = modulesWorkforceDomainCertificateLevelValues
/** The kinds a clerk may register (聘用 comes with the record itself). */
export const POST_CHANGE_KINDS = modulesWorkforceDomainPostChangeKindValues.filter(
  (k): k is Exclude<PostChangeKind, 'Hire'> => k !== 'Hire',
)

// The labels are the server's (WorkforceLabels); the rows carry them too, the filters and forms need them up front.
export const POST_LABELS: Record<WorkerPost, string> = {
  Secretary: '书记/主任',
  DeputySecretary: '副书记/副主任',
  CommitteeMember: '两委成员',
  GridWorker: '专职网格员',
  Other: '其他社区工作者',
}
export const STATUS_LABELS: Record<WorkerStatus, string> = { Active: '在岗', Away: '离岗', Dismissed: '解聘' }
export const STATUS_TAGS: Record<WorkerStatus, 'success' | 'warning' | 'info'> = { Active: 'success', Away: 'warning', Dismissed: 'info' }
export const POLITICAL_LABELS: Record<PoliticalStatus, string> = {
  PartyMember: '中共党员',
  ProbationaryMember: '中共预备党员',
  LeagueMember: '共青团员',
  Masses: '群众',
  OtherParty: '民主党派',
}
export const CERTIFICATE_LABELS: Record<CertificateLevel, string> = {
  Assistant: '助理社会工作师',
  Social: '社会工作师',
  Senior: '高级社会工作师',
}
export const POST_CHANGE_LABELS: Record<PostChangeKind, string> = {
  Hire: '聘用',
  Promotion: '晋升',
  PostChange: '岗位调整',
  StepAdvance: '晋档',
  Competitive: '竞聘上岗',
  Adjustment: '薪级调整',
}
export const POST_CHANGE_TAGS: Record<PostChangeKind, 'success' | 'warning' | 'info'> = {
  Hire: 'info',
  Promotion: 'success',
  PostChange: 'warning',
  StepAdvance: 'success',
  Competitive: 'success',
  Adjustment: 'warning',
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (1–99). */
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

/** The worker form ('' / null = not filled in). Post and grade are only edited on creation. */
export interface WorkerFormModel {
  name: string
  idNumber: string
  gender: Gender | ''
  birthDate: DateString | null
  phone: string
  address: string
  education: Education | ''
  ethnicity: string
  orgId: Id | null
  politicalStatus: PoliticalStatus | ''
  hireDate: DateString | null
  post: WorkerPost | ''
  payPost: number | null
  level: number | null
  step: number | null
}
