import type { DateString, Instant } from '@/shared/types'

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

/** Object types as the server writes them (exact match; the API has no list of them). */
export const AUDIT_ENTITY_TYPES = ['党组织', '党员', '居民', '用户', '行政区划'] as const

/** The action identifiers of docs/api.md with their Chinese names (rows also carry actionLabel). */
export const AUDIT_ACTIONS = [
  { value: 'login.success', label: '登录成功' },
  { value: 'login.failure', label: '登录失败' },
  { value: 'logout', label: '退出登录' },
  { value: 'create', label: '新增' },
  { value: 'update', label: '修改' },
  { value: 'delete', label: '删除' },
  { value: 'move', label: '移动' },
  { value: 'close', label: '撤销' },
  { value: 'reveal', label: '查看敏感信息' },
  { value: 'export', label: '导出' },
] as const
