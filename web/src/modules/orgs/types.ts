import type { Id, Instant } from '@/shared/types'

export type OrgStatus = 'Active' | 'Closed'

export interface OrgNode {
  id: Id
  name: string
  kind: string
  kindLabel: string
  parentId: Id | null
  hasChildren: boolean
  childCount: number
  /** Members in the whole subtree. */
  memberCount: number
  status: OrgStatus
}

export interface OrgSearchHit {
  id: Id
  name: string
  kind: string
  kindLabel: string
  /** root → self */
  pathNames: string[]
}

export interface OrgDetail extends OrgNode {
  code: string | null
  regionId: Id | null
  regionName: string | null
  secretaryName: string | null
  pathNames: string[]
  /** root → parent, within the user's scope */
  ancestorIds: Id[]
  createdAt: Instant
  closedAt: Instant | null
  closeReason: string | null
}

export interface OrgCreateInput {
  parentId: Id
  name: string
  kind: string
  regionId?: Id | null
  code?: string | null
  secretaryName?: string | null
}

export type OrgUpdateInput = Omit<OrgCreateInput, 'parentId'>
