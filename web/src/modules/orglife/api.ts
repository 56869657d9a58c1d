import type { Schema } from '@/shared/api'
import { downloadUrl, fetchDownload, http, upload, type RequestOptions } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type {
  AttachmentRow,
  BranchComplianceDetail,
  BranchComplianceQuery,
  BranchRoster,
  ComplianceQuery,
  ComplianceSummary,
  MeetingDetail,
  MeetingInput,
  MeetingQuery,
  MeetingRow,
  OrgLifeSettingsInput,
  OrgLifeSettingsView,
} from './types'

const meeting = (id: Id) => `/orglife/meetings/${encodeURIComponent(id)}`
const attachment = (id: Id) => `/orglife/attachments/${encodeURIComponent(id)}`

export const meetingApi = {
  list: (query: MeetingQuery, options?: RequestOptions) => http.get<Page<MeetingRow>>('/orglife/meetings', { ...options, query }),
  get: (id: Id, options?: RequestOptions) => http.get<MeetingDetail>(meeting(id), options),
  create: (input: MeetingInput, options?: RequestOptions) => http.post<MeetingDetail>('/orglife/meetings', input, options),
  update: (id: Id, input: MeetingInput, options?: RequestOptions) => http.put<MeetingDetail>(meeting(id), input, options),
  /** Reviewers of a higher organization send a submitted record back for correction. */
  returnForCorrection: (id: Id, comment: string, options?: RequestOptions) =>
    http.post<MeetingDetail>(`${meeting(id)}/return`, { comment } satisfies Schema<'Modules.OrgLife.Features.ReturnRequest'>, options),
  /** Drafts and returned records only. */
  remove: (id: Id, reason: string | null, options?: RequestOptions) =>
    http.delete<void>(meeting(id), { ...options, query: { reason: reason ?? undefined } }),
  /** Multipart upload (JPG/PNG/WebP/PDF, checked by content on the server). Errors are left to the caller. */
  upload: (id: Id, file: File) => upload<AttachmentRow>(`${meeting(id)}/attachments`, file, { handled: true }),
}

export const rosterApi = {
  /** The members (and, for a branch, its 党小组) of an organization: a branch, or one of its groups. */
  get: (orgId: Id, options?: RequestOptions) =>
    http.get<BranchRoster>('/orglife/roster', { ...options, query: { orgId } }),
}

/** Attachments of meetings and themed days alike. */
export const attachmentApi = {
  /** Where the file is shown / downloaded (inline for images and PDFs; the session cookie is enough). */
  url: (id: Id) => downloadUrl(attachment(id)),
  remove: (id: Id, options?: RequestOptions) => http.delete<void>(attachment(id), options),
}

export const complianceApi = {
  summary: (query: ComplianceQuery, options?: RequestOptions) =>
    http.get<ComplianceSummary>('/orglife/compliance', { ...options, query }),
  branch: (query: BranchComplianceQuery, options?: RequestOptions) =>
    http.get<BranchComplianceDetail>('/orglife/compliance/branch', { ...options, query }),
  /** Saves the .xlsx (failures shown); `fileName` is used when the server names none. */
  exportSummary: (query: ComplianceQuery, fileName: string) => fetchDownload('/orglife/compliance/export', query, fileName),
  exportBranch: (query: BranchComplianceQuery, fileName: string) => fetchDownload('/orglife/compliance/branch/export', query, fileName),
}

export const orgLifeSettingsApi = {
  get: (options?: RequestOptions) => http.get<OrgLifeSettingsView>('/orglife/settings', options),
  update: (input: OrgLifeSettingsInput, options?: RequestOptions) => http.put<OrgLifeSettingsView>('/orglife/settings', input, options),
}
