import type { DateString, DictItem, Instant } from '@/shared/types'

export interface AuditRow {
  seq: number
  at: Instant
  userName: string | null
  ip: string | null
  action: string
  actionLabel: string
  entityType: string | null
  entityId: string | null
  summary: string | null
  /** JSON strings, personal data masked */
  before: string | null
  after: string | null
}

export type AuditQuery = {
  from?: DateString
  to?: DateString
  userName?: string
  action?: string
  entityType?: string
  q?: string
  page?: number
  pageSize?: number
}

export type AuditFilters = {
  from: string
  to: string
  userName: string
  action: string
  entityType: string
  q: string
}

export interface AuditVerifyResult {
  ok: boolean
  checked: number
  firstBrokenSeq: number | null
  message: string
}

/** `GET /audit/meta`: what the filters offer. */
export interface AuditMeta {
  /** Every action identifier with its Chinese name. */
  actions: DictItem[]
  /** The record types present in the log (the `entityType` filter matches exactly). */
  entityTypes: string[]
}
