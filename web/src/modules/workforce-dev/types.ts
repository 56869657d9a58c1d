/** 教育培训, 考核评议, 档案管理: aliases of the server's shapes and the console's labels. */
import {
  modulesWorkforceDomainAssessmentGradeValues,
  modulesWorkforceDomainEffectKindValues,
  modulesWorkforceDomainEffectStatusValues,
  modulesWorkforceDomainTrainingKindValues,
  modulesWorkforceDomainWorkerPostValues,
} from '@/shared/api-schema'
import type { Schema } from '@/shared/api'

type Dev<N extends string> = `Modules.Workforce.Features.Development.${N}`

export type TrainingKind = Schema<'Modules.Workforce.Domain.TrainingKind'>
export type AssessmentKind = Schema<'Modules.Workforce.Domain.AssessmentKind'>
export type AssessmentGrade = Schema<'Modules.Workforce.Domain.AssessmentGrade'>
export type EffectKind = Schema<'Modules.Workforce.Domain.EffectKind'>
export type EffectStatus = Schema<'Modules.Workforce.Domain.EffectStatus'>
export type WorkerPost = Schema<'Modules.Workforce.Domain.WorkerPost'>

export type TrainingRow = Schema<Dev<'TrainingRow'>>
export type TrainingInput = Schema<Dev<'TrainingInput'>>
export type TrainingDetail = Schema<Dev<'TrainingDetail'>>
export type SessionInput = Schema<Dev<'SessionInput'>>
export type SessionRow = Schema<Dev<'SessionRow'>>
export type EnrolmentRow = Schema<Dev<'EnrolmentRow'>>
export type AttendanceMark = Schema<Dev<'AttendanceMark'>>
export type OverdueRow = Schema<Dev<'OverdueRow'>>
export type OverdueReport = Schema<Dev<'OverdueReport'>>
export type CoverageReport = Schema<Dev<'CoverageReport'>>
export type AssessmentRow = Schema<Dev<'AssessmentRow'>>
export type AssessmentInput = Schema<Dev<'AssessmentInput'>>
export type AssessmentSaved = Schema<Dev<'AssessmentSaved'>>
export type AssessmentSheet = Schema<Dev<'AssessmentSheet'>>
export type SheetRow = Schema<Dev<'SheetRow'>>
export type EffectRow = Schema<Dev<'EffectRow'>>
export type ArchiveView = Schema<Dev<'ArchiveView'>>
export type ArchiveFileRow = Schema<Dev<'ArchiveFileRow'>>
export type ArchiveSettingsView = Schema<Dev<'ArchiveSettingsView'>>
export type CompletenessReport = Schema<Dev<'CompletenessReport'>>
export type CompletenessRow = Schema<Dev<'CompletenessRow'>>
export type WorkerDevelopment = Schema<Dev<'WorkerDevelopment'>>
export type WorkforceSettingsView = Schema<'Modules.Workforce.Features.WorkforceSettingsView'>
export type WorkerRow = Schema<'Modules.Workforce.Features.WorkerRow'>

export const TRAINING_KINDS = modulesWorkforceDomainTrainingKindValues
export const GRADES = modulesWorkforceDomainAssessmentGradeValues
export const EFFECT_KINDS = modulesWorkforceDomainEffectKindValues
export const EFFECT_STATUSES = modulesWorkforceDomainEffectStatusValues
export const WORKER_POSTS = modulesWorkforceDomainWorkerPostValues

export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = { Initial: '初任培训', OnDuty: '履职培训', Education: '学历提升', Practice: '实践实训' }
export const GRADE_LABELS: Record<AssessmentGrade, string> = { Excellent: '优秀', Competent: '合格', Basic: '基本合格', Fail: '不合格' }
export const GRADE_TAGS = { Excellent: 'success', Competent: 'primary', Basic: 'warning', Fail: 'danger' } as const satisfies Record<AssessmentGrade, string>
export const EFFECT_KIND_LABELS: Record<EffectKind, string> = { EarlyStepAdvance: '提前半年晋档', DismissalReview: '解聘审查' }
export const EFFECT_STATUS_LABELS: Record<EffectStatus, string> = { Pending: '待审核', Approved: '已通过', Rejected: '已驳回', Applied: '已执行' }
export const EFFECT_STATUS_TAGS = { Pending: 'warning', Approved: 'primary', Rejected: 'info', Applied: 'success' } as const satisfies Record<EffectStatus, string>
export const POST_LABELS: Record<WorkerPost, string> = {
  Secretary: '书记/主任',
  DeputySecretary: '副书记/副主任',
  CommitteeMember: '两委成员',
  GridWorker: '专职网格员',
  Other: '其他社区工作者',
}

/** Files the archive takes (checked again by content on the server). */
export const ARCHIVE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png'

/** Combined score as the server computes it (2 decimals, half away from zero) — for the live preview only. */
export function combine(org: number, residents: number, weight: number): number {
  const raw = org * weight + residents * (1 - weight)
  return Math.sign(raw) * Math.round(Math.abs(raw) * 100 + 1e-9) / 100
}

export function gradeOf(combined: number, s: Pick<WorkforceSettingsView, 'excellentFrom' | 'competentFrom' | 'basicFrom'>): AssessmentGrade {
  if (combined >= s.excellentFrom) return 'Excellent'
  if (combined >= s.competentFrom) return 'Competent'
  if (combined >= s.basicFrom) return 'Basic'
  return 'Fail'
}
