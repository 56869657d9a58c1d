import type { QueryOf, Schema } from '@/shared/api'

/** A log entry; `before` / `after` are JSON strings with personal data masked. */
export type AuditRow = Schema<'Platform.Audit.AuditEndpoints.AuditRow'>

/** `GET /audit` query. */
export type AuditQuery = QueryOf<'/api/v1/audit'>

export type AuditFilters = Record<'from' | 'to' | 'userName' | 'action' | 'entityType' | 'q', string>

/** `POST /audit/verify`: the hash chain check. */
export type AuditVerifyResult = Schema<'Platform.Audit.AuditTrail.VerifyResult'>

/**
 * `GET /audit/meta`: what the filters offer — every action identifier with its Chinese name, and the
 * record types present in the log (the `entityType` filter matches exactly).
 */
export type AuditMeta = Schema<'Platform.Audit.AuditEndpoints.AuditMeta'>
