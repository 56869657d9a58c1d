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
