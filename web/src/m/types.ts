/** API shapes the phone pages use, aliased from the generated schema (docs/openapi.json). */
import type { Schema } from '@/shared/api'

export type CategoryRow = Schema<'Modules.Grids.Features.CategoryRow'>
export type EventRow = Schema<'Modules.Grids.Features.EventRow'>
export type EventDetail = Schema<'Modules.Grids.Features.EventDetail'>
export type EventStep = Schema<'Modules.Grids.Features.EventStepRow'>
export type EventPage = Schema<'Modules.Grids.Features.EventPage'>
export type EventInput = Schema<'Modules.Grids.Features.EventInput'>
export type EventActionInput = Schema<'Modules.Grids.Features.EventActionInput'>
export type PhotoRow = Schema<'Modules.Grids.Features.PhotoRow'>
export type EventStatus = Schema<'Modules.Grids.Domain.EventStatus'>
export type EventNetwork = Schema<'Modules.Grids.Domain.EventNetwork'>

// 居民随手拍 (`/resident/…`, ResidentFeatures.cs)
/** `POST /resident/code`: where the code went; `demoCode` only on the demo server (no SMS gateway). */
export type CodeSent = Schema<'Modules.Grids.Features.ResidentFeatures.CodeSent'>
/** `POST /resident/login`, `GET /resident/me`. */
export type ResidentMe = Schema<'Modules.Grids.Features.ResidentFeatures.ResidentMe'>
/** `POST /resident/events`: the point is required. */
export type ResidentEventInput = Schema<'Modules.Grids.Features.ResidentFeatures.ResidentEventInput'>
/** `POST /resident/events/{id}/rate`. */
export type ResidentRateInput = Schema<'Modules.Grids.Features.ResidentFeatures.RateInput'>
