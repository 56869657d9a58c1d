import { modulesOrgLifeFeaturesThemedDayStateValues } from '@/shared/api-schema'
import type { QueryOf, Schema } from '@/shared/api'
import type { DateString } from '@/shared/types'

export type PlanStatus = Schema<'Modules.OrgLife.Domain.PlanStatus'>

/** `GET /orglife/themed-plans?year`: own plans (`editable`) and published ones from above. */
export type PlanRow = Schema<'Modules.OrgLife.Features.PlanRow'>
export type PlanDetail = Schema<'Modules.OrgLife.Features.PlanDetail'>
/** `POST /orglife/themed-plans`, `PUT /orglife/themed-plans/{id}` (with `version`). */
export type PlanInput = Schema<'Modules.OrgLife.Features.PlanInput'>
export type ThemeInput = Schema<'Modules.OrgLife.Features.ThemeInput'>
export type ThemeView = Schema<'Modules.OrgLife.Features.ThemeView'>

/** `GET /orglife/themed-plans/{id}/matrix`: the publisher's branch × month view. */
export type PlanMatrix = Schema<'Modules.OrgLife.Features.PlanMatrix'>
export type MatrixRow = Schema<'Modules.OrgLife.Features.MatrixRow'>
export type MatrixCell = Schema<'Modules.OrgLife.Features.MatrixCell'>
export type MatrixMonth = Schema<'Modules.OrgLife.Features.MatrixMonth'>
export type MatrixQuery = QueryOf<'/api/v1/orglife/themed-plans/{id}/matrix'>

export type ThemedDayState = Schema<'Modules.OrgLife.Features.ThemedDayState'>
export const THEMED_DAY_STATES = modulesOrgLifeFeaturesThemedDayStateValues

/** `GET /orglife/themed-days?orgId&year`: a branch's year, plan by plan, month by month. */
export type BranchThemedDays = Schema<'Modules.OrgLife.Features.BranchThemedDays'>
export type BranchPlan = Schema<'Modules.OrgLife.Features.BranchPlan'>
export type BranchMonth = Schema<'Modules.OrgLife.Features.BranchMonth'>
export type ThemedDayQuery = QueryOf<'/api/v1/orglife/themed-days'>

export type ThemedDayRecord = Schema<'Modules.OrgLife.Features.ThemedDayRecordView'>
/** `POST /orglife/themed-days`, `PUT /orglife/themed-days/{id}` (with `version`). */
export type ThemedDayInput = Schema<'Modules.OrgLife.Features.ThemedDayInput'>
export type AttachmentRow = Schema<'Modules.OrgLife.Features.AttachmentRow'>

/** One row of the plan editor's month table ('' = no theme that month). */
export interface ThemeRowModel {
  month: number
  theme: string
  guidance: string
}

export interface PlanFormModel {
  orgId: string | null
  year: number
  title: string
  requiredParts: string[]
  themes: ThemeRowModel[]
}

export interface ThemedDayFormModel {
  heldOn: DateString | null
  place: string
  summary: string
  attendeeCount: number | undefined
  partsDone: string[]
}
