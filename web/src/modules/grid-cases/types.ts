/** 矛盾纠纷调解, 网格排查 and 承办单位: aliases of the server's shapes, the console's labels and form models. */
import {
  modulesGridsDomainFindingStatusValues,
  modulesGridsDomainHandlingUnitKindValues,
  modulesGridsDomainInspectionKindValues,
  modulesGridsDomainMediationOutcomeValues,
} from '@/shared/api-schema'
import type { QueryOf, Schema } from '@/shared/api'

export type MediationOutcome = Schema<'Modules.Grids.Domain.MediationOutcome'>
export type MediationRow = Schema<'Modules.Grids.Features.MediationRow'>
export type MediationDetail = Schema<'Modules.Grids.Features.MediationDetail'>
export type MediationSessionRow = Schema<'Modules.Grids.Features.MediationSessionRow'>
export type MediationFigures = Schema<'Modules.Grids.Features.MediationFigures'>
export type MediationInput = Schema<'Modules.Grids.Features.MediationInput'>
export type MediationSessionInput = Schema<'Modules.Grids.Features.MediationSessionInput'>
export type MediationConcludeInput = Schema<'Modules.Grids.Features.MediationConcludeInput'>
export type MediationQuery = QueryOf<'/api/v1/grid/mediations'>

export type InspectionKind = Schema<'Modules.Grids.Domain.InspectionKind'>
export type FindingStatus = Schema<'Modules.Grids.Domain.FindingStatus'>
export type InspectionRow = Schema<'Modules.Grids.Features.InspectionRow'>
export type InspectionDetail = Schema<'Modules.Grids.Features.InspectionDetail'>
export type FindingRow = Schema<'Modules.Grids.Features.FindingRow'>
export type InspectionInput = Schema<'Modules.Grids.Features.InspectionInput'>
export type FindingInput = Schema<'Modules.Grids.Features.FindingInput'>
export type RecheckInput = Schema<'Modules.Grids.Features.RecheckInput'>
export type PhotoRow = Schema<'Modules.Grids.Features.PhotoRow'>
export type InspectionQuery = QueryOf<'/api/v1/grid/inspections'>

export type HandlingUnitKind = Schema<'Modules.Grids.Domain.HandlingUnitKind'>
export type HandlingUnitRow = Schema<'Modules.Grids.Features.HandlingUnitRow'>
export type HandlingUnitInput = Schema<'Modules.Grids.Features.HandlingUnitInput'>

export type GridRow = Schema<'Modules.Grids.Features.GridRow'>
export type GridDetail = Schema<'Modules.Grids.Features.GridDetail'>
export type GridSettingsView = Schema<'Modules.Grids.Features.GridSettingsView'>

export const MEDIATION_OUTCOMES = modulesGridsDomainMediationOutcomeValues
/** The outcomes a case can be concluded with (not 调解中). */
export const CONCLUDE_OUTCOMES = MEDIATION_OUTCOMES.filter((o) => o !== 'Pending')
export const INSPECTION_KINDS = modulesGridsDomainInspectionKindValues
export const FINDING_STATUSES = modulesGridsDomainFindingStatusValues
export const HANDLING_UNIT_KINDS = modulesGridsDomainHandlingUnitKindValues

export const OUTCOME_LABELS: Record<MediationOutcome, string> = { Pending: '调解中', Success: '调解成功', Failure: '调解失败', Transferred: '转办' }
export const OUTCOME_TAGS = { Pending: 'warning', Success: 'success', Failure: 'danger', Transferred: 'info' } as const satisfies Record<MediationOutcome, string>
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = { Routine: '日常排查', JointWeekly: '每周联合检查', LookBack: '回头看' }
export const FINDING_STATUS_TAGS = { Open: 'warning', Reopened: 'warning', Rectified: 'success' } as const satisfies Record<FindingStatus, string>
export const UNIT_KIND_LABELS: Record<HandlingUnitKind, string> = { Department: '职能部门', PairedUnit: '双报到单位' }
export const UNIT_KIND_HINTS: Record<HandlingUnitKind, string> = {
  Department: '县直、街道的职能部门，按职责承办事件',
  PairedUnit: '到社区报到的机关企事业单位（双报到），认领服务事项',
}

/** Photos the server takes (checked again by content). */
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp'
