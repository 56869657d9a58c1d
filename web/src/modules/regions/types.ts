import type { Id } from '@/shared/types'

export interface RegionNode {
  id: Id
  code: string
  name: string
  /** A `regionLevels` dictionary value. */
  level: string
  parentId: Id | null
  hasChildren: boolean
}

export interface RegionCreateInput {
  parentId?: Id | null
  code: string
  name: string
  level: string
}

export interface RegionRenameInput {
  name: string
}
