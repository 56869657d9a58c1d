/**
 * 组织生活 (三会一课, 落实情况, 设置): aliases of the generated schema and the module's own labels,
 * colours and form models.
 */
import {
  modulesOrgLifeDomainFrequencyValues,
  modulesOrgLifeDomainMeetingKindValues,
  modulesOrgLifeDomainMeetingStatusValues,
} from '@/shared/api-schema'
import type { QueryOf, Schema } from '@/shared/api'
import type { DateString, Id } from '@/shared/types'

export type MeetingKind = Schema<'Modules.OrgLife.Domain.MeetingKind'>
export type MeetingStatus = Schema<'Modules.OrgLife.Domain.MeetingStatus'>
export type Frequency = Schema<'Modules.OrgLife.Domain.Frequency'>
export type UnitState = Schema<'Modules.OrgLife.Domain.UnitState'>

export const MEETING_KINDS = modulesOrgLifeDomainMeetingKindValues
export const MEETING_STATUSES = modulesOrgLifeDomainMeetingStatusValues
export const FREQUENCIES = modulesOrgLifeDomainFrequencyValues

export type MeetingRow = Schema<'Modules.OrgLife.Features.MeetingRow'>
export type MeetingDetail = Schema<'Modules.OrgLife.Features.MeetingDetail'>
export type MeetingInput = Schema<'Modules.OrgLife.Features.MeetingInput'>
export type AttendanceInput = Schema<'Modules.OrgLife.Features.AttendanceInput'>
export type AttendanceRow = Schema<'Modules.OrgLife.Features.AttendanceRow'>
export type AttachmentRow = Schema<'Modules.OrgLife.Features.AttachmentRow'>
export type BranchRoster = Schema<'Modules.OrgLife.Features.BranchRoster'>
export type RosterMember = Schema<'Modules.OrgLife.Features.RosterMember'>

/** Where a roster member belongs; a flow-in member (流动党员 taking part here) is marked with the home organization. */
export function rosterOrgLabel(m: RosterMember): string {
  return m.flowIn ? `流入 · ${m.orgName}` : m.orgName
}
export type BranchGroup = Schema<'Modules.OrgLife.Features.BranchGroup'>

export type ComplianceSummary = Schema<'Modules.OrgLife.Features.ComplianceSummary'>
export type BranchCompliance = Schema<'Modules.OrgLife.Features.BranchCompliance'>
export type KindCell = Schema<'Modules.OrgLife.Features.KindCell'>
export type KindRule = Schema<'Modules.OrgLife.Features.KindRule'>
export type KindTotal = Schema<'Modules.OrgLife.Features.KindTotal'>
export type BranchComplianceDetail = Schema<'Modules.OrgLife.Features.BranchComplianceDetail'>
export type KindDetail = Schema<'Modules.OrgLife.Features.KindDetail'>
export type UnitView = Schema<'Modules.OrgLife.Features.UnitView'>

export type OrgLifeSettingsView = Schema<'Modules.OrgLife.Features.OrgLifeSettingsView'>
export type OrgLifeSettingsInput = Schema<'Modules.OrgLife.Features.OrgLifeSettingsInput'>

/** `GET /orglife/meetings`. */
export type MeetingQuery = QueryOf<'/api/v1/orglife/meetings'>
/** `GET /orglife/compliance` (and its export). */
export type ComplianceQuery = QueryOf<'/api/v1/orglife/compliance'>
/** `GET /orglife/compliance/branch` (and its export). */
export type BranchComplianceQuery = QueryOf<'/api/v1/orglife/compliance/branch'>

export const KIND_LABELS: Record<MeetingKind, string> = {
  GeneralMeeting: '支部党员大会',
  CommitteeMeeting: '支委会',
  GroupMeeting: '党小组会',
  PartyLecture: '党课',
}

/** Short labels for narrow places (calendar chips, table headers). */
export const KIND_SHORT: Record<MeetingKind, string> = {
  GeneralMeeting: '党员大会',
  CommitteeMeeting: '支委会',
  GroupMeeting: '小组会',
  PartyLecture: '党课',
}

/** One colour per kind, used by tags, calendar chips and the chart. */
export const KIND_COLORS: Record<MeetingKind, string> = {
  GeneralMeeting: '#c8161d',
  CommitteeMeeting: '#d46b08',
  GroupMeeting: '#1677ff',
  PartyLecture: '#389e0d',
}

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  Draft: '草稿',
  Submitted: '已提交',
  Returned: '已退回',
}

export const STATUS_TAG: Record<MeetingStatus, 'info' | 'success' | 'warning'> = {
  Draft: 'info',
  Submitted: 'success',
  Returned: 'warning',
}

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  Monthly: '每月',
  Quarterly: '每季度',
  Yearly: '每年',
}

export const UNIT_STATE_LABELS: Record<UnitState, string> = {
  Held: '已开展',
  Missing: '未开展',
  Pending: '待开展',
  NotDue: '未到期',
}

/**
 * Kinds whose attendance list is the whole roster (of the branch, or of the group). The server requires
 * every member to be marked for 党员大会 / 党小组会; the form asks the same for 党课. 支委会 lists only
 * the committee members the clerk adds.
 */
export const FULL_ROSTER_KINDS: readonly MeetingKind[] = ['GeneralMeeting', 'GroupMeeting', 'PartyLecture']

/** What the attachment pickers of meetings and themed days offer (the server checks each file's content). */
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf'

/** Quick picks for 缺席原因. */
export const ABSENCE_REASONS = ['因病', '因公外出', '外出务工', '年老体弱', '其他'] as const

/** Filters of the meeting list as kept in the URL ('' = not set). `view`/`month` drive the calendar. */
export type MeetingFilters = Record<'orgId' | 'kind' | 'status' | 'from' | 'to' | 'q' | 'view' | 'month', string>

/** Filters of the compliance table as kept in the URL. `onlyMissing` is '' or '1'. */
export type ComplianceFilters = Record<'orgId' | 'from' | 'to' | 'onlyMissing', string>

/** The record form's fields (attendance lives beside it). */
export interface MeetingFormModel {
  orgId: Id | null
  kind: MeetingKind | ''
  groupId: Id | null
  heldOn: DateString | null
  startTime: string
  endTime: string
  place: string
  host: string
  topic: string
  minutes: string
}

/** One line of the attendance list on the form: `present` null = not marked yet. */
export interface AttendanceLine {
  memberId: Id
  name: string
  orgName: string
  present: boolean | null
  absenceReason: string
  /** Server / client message for this line (shown under it, the row turns red). */
  error: string
  /** On a saved record but no longer on the roster (transferred out): may only be removed. */
  stale?: boolean
}

export const MEETING_FORM_FIELDS = [
  'orgId',
  'kind',
  'groupId',
  'heldOn',
  'startTime',
  'endTime',
  'place',
  'host',
  'topic',
  'minutes',
  'attendance',
] as const
export type MeetingFormField = (typeof MEETING_FORM_FIELDS)[number]
