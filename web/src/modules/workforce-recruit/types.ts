/** 选聘: aliases of the server's shapes and the console's labels. */
import {
  modulesMembersDomainEducationValues,
  modulesWorkforceDomainConditionRuleValues,
  modulesWorkforceDomainPoliticalStatusValues,
  modulesWorkforceDomainWorkerPostValues,
} from '@/shared/api-schema'
import type { Schema } from '@/shared/api'


export type AnnouncementStatus = Schema<'Modules.Workforce.Domain.AnnouncementStatus'>
export type ConditionRule = Schema<'Modules.Workforce.Domain.ConditionRule'>
export type CheckOutcome = Schema<'Modules.Workforce.Domain.CheckOutcome'>
export type ReviewResult = Schema<'Modules.Workforce.Domain.ReviewResult'>
export type RankStanding = Schema<'Modules.Workforce.Domain.RankStanding'>
export type WorkerPost = Schema<'Modules.Workforce.Domain.WorkerPost'>
export type PoliticalStatus = Schema<'Modules.Workforce.Domain.PoliticalStatus'>
export type Education = Schema<'Modules.Members.Domain.Education'>

export type AnnouncementRow = Schema<'Modules.Workforce.Features.Recruitment.AnnouncementRow'>
export type AnnouncementDetail = Schema<'Modules.Workforce.Features.Recruitment.AnnouncementDetail'>
export type AnnouncementInput = Schema<'Modules.Workforce.Features.Recruitment.AnnouncementInput'>
export type AnnouncementDefaults = Schema<'Modules.Workforce.Features.Recruitment.AnnouncementDefaults'>
export type PositionRow = Schema<'Modules.Workforce.Features.Recruitment.PositionRow'>
export type PositionInput = Schema<'Modules.Workforce.Features.Recruitment.PositionInput'>
export type ConditionView = Schema<'Modules.Workforce.Features.Recruitment.ConditionView'>
export type ConditionInput = Schema<'Modules.Workforce.Features.Recruitment.ConditionInput'>
export type ApplicationRow = Schema<'Modules.Workforce.Features.Recruitment.ApplicationRow'>
export type ApplicationDetail = Schema<'Modules.Workforce.Features.Recruitment.ApplicationDetail'>
export type ApplicationInput = Schema<'Modules.Workforce.Features.Recruitment.ApplicationInput'>
export type ReviewInput = Schema<'Modules.Workforce.Features.Recruitment.ReviewInput'>
export type ScoresInput = Schema<'Modules.Workforce.Features.Recruitment.ScoresInput'>
export type RankingView = Schema<'Modules.Workforce.Features.Recruitment.RankingView'>
export type PositionRanking = Schema<'Modules.Workforce.Features.Recruitment.PositionRanking'>
export type RankingRow = Schema<'Modules.Workforce.Features.Recruitment.RankingRow'>
export type PublicizeInput = Schema<'Modules.Workforce.Features.Recruitment.PublicizeInput'>
export type HireInput = Schema<'Modules.Workforce.Features.Recruitment.HireInput'>
export type HireResult = Schema<'Modules.Workforce.Features.Recruitment.HireResult'>
export type ImportReport = Schema<'Modules.Members.Features.ImportReport'>

export const CONDITION_RULES = modulesWorkforceDomainConditionRuleValues
export const POLITICAL_STATUSES = modulesWorkforceDomainPoliticalStatusValues
export const EDUCATIONS = modulesMembersDomainEducationValues
export const WORKER_POSTS = modulesWorkforceDomainWorkerPostValues

export const STATUS_TAGS = { Draft: 'info', Open: 'primary', Reviewing: 'warning', Publicized: 'success', Closed: 'info' } as const satisfies Record<AnnouncementStatus, string>
export const CHECK_TAGS = { Pass: 'success', Fail: 'danger', Manual: 'warning' } as const satisfies Record<CheckOutcome, string>
export const REVIEW_TAGS = { Pending: 'info', Passed: 'success', Failed: 'danger' } as const satisfies Record<ReviewResult, string>
export const STANDING_TAGS = { Within: 'success', TiedAtCutoff: 'warning', Outside: 'info' } as const satisfies Record<RankStanding, string>

export const RULE_LABELS: Record<ConditionRule, string> = {
  None: '人工审核',
  MaxAge: '年龄上限',
  MinEducation: '最低学历',
  Residence: '户籍/居住地区',
  Politics: '政治面貌',
}
export const POLITICS_LABELS: Record<PoliticalStatus, string> = {
  PartyMember: '中共党员',
  ProbationaryMember: '中共预备党员',
  LeagueMember: '共青团员',
  Masses: '群众',
  OtherParty: '民主党派',
}
export const EDUCATION_LABELS: Record<Education, string> = {
  Postgraduate: '研究生',
  Bachelor: '大学本科',
  College: '大学专科',
  Vocational: '中专/中技',
  HighSchool: '高中',
  JuniorOrBelow: '初中及以下',
}
export const POST_LABELS: Record<WorkerPost, string> = {
  Secretary: '书记/主任',
  DeputySecretary: '副书记/副主任',
  CommitteeMember: '两委成员',
  GridWorker: '专职网格员',
  Other: '其他社区工作者',
}
