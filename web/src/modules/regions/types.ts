import { modulesOrganizationsDomainRegionLevelValues } from '@/shared/api-schema'
import type { Schema } from '@/shared/api'

export type RegionLevel = Schema<'Modules.Organizations.Domain.RegionLevel'>
/** Top (省) to bottom (社区村). */
export const REGION_LEVELS = modulesOrganizationsDomainRegionLevelValues

export type RegionNode = Schema<'Modules.Organizations.Features.RegionNode'>
/** `POST /regions` (no `parentId` = a top-level region). */
export type RegionInput = Schema<'Modules.Organizations.Features.RegionInput'>
/** `PUT /regions/{id}`: only the name can change. */
export type RegionRenameInput = Schema<'Modules.Organizations.Features.RenameRegionRequest'>
