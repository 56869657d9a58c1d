/**
 * 流动党员: aliases of the generated schema and the module's labels. The figures pages (mobile-stats) use these too.
 */
import {
  modulesMobileDomainActivityKindValues,
  modulesMobileDomainContactChannelValues,
  modulesMobileDomainLiaisonRoleValues,
  modulesMobileDomainOutboundReasonValues,
  modulesMobileFeaturesEpisodeStateValues,
} from '@/shared/api-schema'
import type { Schema } from '@/shared/api'

export type OutboundReason = Schema<'Modules.Mobile.Domain.OutboundReason'>
export type EpisodeState = Schema<'Modules.Mobile.Features.EpisodeState'>
export type EpisodeSide = Schema<'Modules.Mobile.Features.EpisodeSide'>
export type ActivityKind = Schema<'Modules.Mobile.Domain.ActivityKind'>
export type ContactChannel = Schema<'Modules.Mobile.Domain.ContactChannel'>
export type LiaisonRole = Schema<'Modules.Mobile.Domain.LiaisonRole'>

export type EpisodeRow = Schema<'Modules.Mobile.Features.EpisodeRow'>
export type EpisodeDetail = Schema<'Modules.Mobile.Features.EpisodeDetail'>
export type EpisodeInput = Schema<'Modules.Mobile.Features.EpisodeInput'>
export type ReportDue = Schema<'Modules.Mobile.Features.ReportDue'>
export type ActivityRow = Schema<'Modules.Mobile.Features.ActivityRow'>
export type ContactRow = Schema<'Modules.Mobile.Features.ContactRow'>
export type LiaisonRow = Schema<'Modules.Mobile.Features.LiaisonRow'>
export type MeetingTaken = Schema<'Modules.Mobile.Features.MeetingTaken'>
export type FlowInOrgOption = Schema<'Modules.Mobile.Features.FlowInOrgOption'>

export const OUTBOUND_REASONS = modulesMobileDomainOutboundReasonValues
export const EPISODE_STATES = modulesMobileFeaturesEpisodeStateValues
export const ACTIVITY_KINDS = modulesMobileDomainActivityKindValues
export const CONTACT_CHANNELS = modulesMobileDomainContactChannelValues
export const LIAISON_ROLES = modulesMobileDomainLiaisonRoleValues

export const REASON_LABELS: Record<OutboundReason, string> = {
  Work: '外出务工',
  Business: '经商创业',
  FamilyCare: '随迁子女/投亲',
  Retirement: '异地养老',
  Medical: '外出就医',
  Study: '外出求学',
  Other: '其他',
}

export const STATE_LABELS: Record<EpisodeState, string> = {
  Pending: '待审批',
  Away: '外出中',
  Overdue: '逾期未返',
  Returned: '已返回',
  Rejected: '已驳回',
  Withdrawn: '已撤回',
}

export const STATE_TAGS: Record<EpisodeState, 'primary' | 'success' | 'warning' | 'danger' | 'info'> = {
  Pending: 'warning',
  Away: 'success',
  Overdue: 'danger',
  Returned: 'info',
  Rejected: 'info',
  Withdrawn: 'info',
}

export const ACTIVITY_LABELS: Record<ActivityKind, string> = { OrgLife: '组织生活', Study: '学习教育', Volunteer: '志愿服务', Other: '其他活动' }
export const CHANNEL_LABELS: Record<ContactChannel, string> = { Phone: '电话', WeChat: '微信', Visit: '上门走访' }
export const ROLE_LABELS: Record<LiaisonRole, string> = {
  Secretary: '支部书记',
  CommitteeMember: '支委委员',
  InServiceMember: '在职党员',
  Other: '其他联络员',
}

/** The register/edit form's model: strings for the inputs, null for empty pickers. */
export interface EpisodeFormModel {
  memberId: string | null
  destinationRegionCode: string
  destinationRegionName: string
  destinationAddress: string
  reason: OutboundReason | null
  reasonNote: string
  leftOn: string | null
  expectedReturnOn: string | null
  contactPhone: string
  contactWeChat: string
  flowInOrgId: string | null
}

export const EPISODE_FORM_FIELDS = [
  'memberId',
  'destinationRegionCode',
  'destinationRegionName',
  'destinationAddress',
  'reason',
  'reasonNote',
  'leftOn',
  'expectedReturnOn',
  'contactPhone',
  'contactWeChat',
  'flowInOrgId',
] as const
