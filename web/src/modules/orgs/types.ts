import type { Schema } from '@/shared/api'

export type OrgKind = Schema<'Modules.Organizations.Domain.OrgKind'>
export type OrgStatus = Schema<'Modules.Organizations.Domain.OrgStatus'>

/** A tree node (`GET /orgs/children`); `memberCount` counts the whole subtree. */
export type OrgNode = Schema<'Modules.Organizations.Features.OrgNode'>

/** `GET /orgs/search`; `pathNames` run root → self. */
export type OrgSearchHit = Schema<'Modules.Organizations.Features.OrgSearchHit'>

/** `GET /orgs/{id}`; `ancestorIds` run root → parent, within the user's scope. */
export type OrgDetail = Schema<'Modules.Organizations.Features.OrgDetail'>

/** `POST /orgs` (with `parentId`) and `PUT /orgs/{id}` (without: moving is `POST /orgs/{id}/move`). */
export type OrgInput = Schema<'Modules.Organizations.Features.OrgInput'>
export type OrgUpdateInput = Omit<OrgInput, 'parentId'>
