/** 流动党员 figures: 四清, the yearly report, follow-up lists, visits and suggestions. */
import {
  modulesMobileDomainFourClearItemValues,
  modulesMobileDomainSuggestionAreaValues,
  modulesMobileDomainSuggestionStatusValues,
  modulesMobileDomainVisitKindValues,
} from '@/shared/api-schema'
import type { Schema } from '@/shared/api'

export type FourClearItem = Schema<'Modules.Mobile.Domain.FourClearItem'>
export type FourClearSummary = Schema<'Modules.Mobile.Features.FourClearSummary'>
export type FourClearRow = Schema<'Modules.Mobile.Features.FourClearRow'>
export type MobileFigures = Schema<'Modules.Mobile.Features.MobileFigures'>
export type MobileYearReport = Schema<'Modules.Mobile.Features.MobileYearReport'>
export type NoContactRow = Schema<'Modules.Mobile.Features.NoContactRow'>
export type MissingReportRow = Schema<'Modules.Mobile.Features.MissingReportRow'>
export type VisitKind = Schema<'Modules.Mobile.Domain.VisitKind'>
export type VisitRow = Schema<'Modules.Mobile.Features.VisitRow'>
export type VisitInput = Schema<'Modules.Mobile.Features.VisitInput'>
export type SuggestionArea = Schema<'Modules.Mobile.Domain.SuggestionArea'>
export type SuggestionStatus = Schema<'Modules.Mobile.Domain.SuggestionStatus'>
export type SuggestionRow = Schema<'Modules.Mobile.Features.SuggestionRow'>
export type MobileSettingsView = Schema<'Modules.Mobile.Features.MobileSettingsView'>

export const FOUR_CLEAR_ITEMS = modulesMobileDomainFourClearItemValues
export const VISIT_KINDS = modulesMobileDomainVisitKindValues
export const SUGGESTION_AREAS = modulesMobileDomainSuggestionAreaValues
export const SUGGESTION_STATUSES = modulesMobileDomainSuggestionStatusValues

export const FOUR_CLEAR_RULES: Record<FourClearItem, string> = {
  Registered: '已外出报备并经审批',
  Profile: '手机号、家庭住址、学历及外出地、在外联系方式齐全',
  Contact: '90天内联系上本人',
  OrgLife: '近一个季度参加过组织生活（流出地或流入地）',
}

export const VISIT_LABELS: Record<VisitKind, string> = { Routine: '日常走访', Holiday: '节日慰问', Hardship: '困难帮扶', Condolence: '重大变故看望' }
export const AREA_LABELS: Record<SuggestionArea, string> = {
  Economy: '经济发展',
  Society: '社会发展',
  Ecology: '生态文明建设',
  PartyBuilding: '党的建设',
  Other: '其他',
}
export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = { Received: '已收到', Adopted: '已采纳', Forwarded: '已转办' }
