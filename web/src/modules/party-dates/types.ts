import { modulesOrgLifeFeaturesPartyDateFeaturesMedalFilterValues } from '@/shared/api-schema'
import type { QueryOf, Schema } from '@/shared/api'
import type { DateString } from '@/shared/types'

/** `GET /orglife/birthdays`: members whose political birthday (joining anniversary) falls in the month. */
export type BirthdayRow = Schema<'Modules.OrgLife.Features.BirthdayRow'>
export type BirthdayQuery = QueryOf<'/api/v1/orglife/birthdays'>
/** URL filters: `month` is `YYYY-MM`. */
export type BirthdayFilters = Record<'orgId' | 'month', string>

/** `GET /orglife/medals`: members with party age ≥ 50 by 1 July of the year (counted from 转正日期). */
export type MedalRow = Schema<'Modules.OrgLife.Features.MedalRow'>
export type MedalQuery = QueryOf<'/api/v1/orglife/medals'>
export type MedalFilter = Schema<'Modules.OrgLife.Features.PartyDateFeatures.MedalFilter'>
export const MEDAL_FILTERS = modulesOrgLifeFeaturesPartyDateFeaturesMedalFilterValues
export type MedalFilters = Record<'orgId' | 'year' | 'filter', string>

/** `POST /orglife/medals`. */
export type MedalInput = Schema<'Modules.OrgLife.Features.MedalInput'>
export type MedalAward = Schema<'Modules.OrgLife.Features.MedalAwardView'>

export interface MedalFormModel {
  year: number
  awardedOn: DateString | null
  note: string
}
