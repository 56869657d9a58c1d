import { downloadUrl, http, upload, type RequestOptions, type UploadOptions } from '@/shared/http'
import type { Page } from '@/shared/api'
import type { Id } from '@/shared/types'
import type {
  ArchiveFileRow,
  ArchiveSettingsView,
  ArchiveView,
  AssessmentInput,
  AssessmentKind,
  AssessmentRow,
  AssessmentSaved,
  AssessmentSheet,
  AttendanceMark,
  CompletenessReport,
  CoverageReport,
  EffectKind,
  EffectRow,
  EffectStatus,
  OverdueReport,
  SessionInput,
  TrainingDetail,
  TrainingInput,
  TrainingKind,
  TrainingRow,
  WorkerDevelopment,
  WorkerPost,
  WorkerRow,
  WorkforceSettingsView,
} from './types'

const training = (id: Id) => `/workforce/trainings/${encodeURIComponent(id)}`
const effect = (id: Id) => `/workforce/effects/${encodeURIComponent(id)}`
const worker = (id: Id) => `/workforce/workers/${encodeURIComponent(id)}`

export interface Paged {
  page?: number
  pageSize?: number
}

export const devApi = {
  // 教育培训
  trainings: (q: { orgId?: string; year?: number; kind?: TrainingKind; q?: string } & Paged) =>
    http.get<Page<TrainingRow>>('/workforce/trainings', { query: { ...q } }),
  training: (id: Id) => http.get<TrainingDetail>(training(id)),
  createTraining: (input: TrainingInput, options?: RequestOptions) => http.post<TrainingDetail>('/workforce/trainings', input, options),
  updateTraining: (id: Id, input: TrainingInput, options?: RequestOptions) => http.put<TrainingDetail>(training(id), input, options),
  addSession: (id: Id, input: SessionInput, options?: RequestOptions) => http.post<TrainingDetail>(`${training(id)}/sessions`, input, options),
  removeSession: (id: Id, sessionId: Id) => http.delete<TrainingDetail>(`${training(id)}/sessions/${encodeURIComponent(sessionId)}`),
  enrol: (id: Id, workerIds: string[], options?: RequestOptions) => http.post<TrainingDetail>(`${training(id)}/enrol`, { workerIds }, options),
  unenrol: (id: Id, workerId: Id) => http.delete<TrainingDetail>(`${training(id)}/enrolments/${encodeURIComponent(workerId)}`),
  attendance: (id: Id, marks: AttendanceMark[]) => http.put<TrainingDetail>(`${training(id)}/attendance`, { marks }),
  overdue: (q: { orgId?: string; post?: WorkerPost; q?: string } & Paged) => http.get<OverdueReport>('/workforce/training-overdue', { query: { ...q } }),
  coverage: (orgId: string | undefined, year: number) => http.get<CoverageReport>('/workforce/training-coverage', { query: { orgId, year } }),

  // 考核评议
  assessments: (q: { orgId?: string; kind?: AssessmentKind; period?: string; workerId?: string } & Paged) =>
    http.get<Page<AssessmentRow>>('/workforce/assessments', { query: { ...q } }),
  sheet: (q: { orgId?: string; kind: AssessmentKind; period: string; q?: string } & Paged) =>
    http.get<AssessmentSheet>('/workforce/assessment-sheet', { query: { ...q }, handled: [400] }),
  createAssessment: (input: AssessmentInput, options?: RequestOptions) => http.post<AssessmentSaved>('/workforce/assessments', input, options),
  updateAssessment: (id: Id, input: AssessmentInput, options?: RequestOptions) =>
    http.put<AssessmentSaved>(`/workforce/assessments/${encodeURIComponent(id)}`, input, options),
  effects: (q: { orgId?: string; status?: EffectStatus; kind?: EffectKind; workerId?: string } & Paged) =>
    http.get<Page<EffectRow>>('/workforce/effects', { query: { ...q } }),
  approve: (id: Id, note: string | null, version: string) => http.post<EffectRow>(`${effect(id)}/approve`, { note, version }),
  reject: (id: Id, note: string, version: string) => http.post<EffectRow>(`${effect(id)}/reject`, { note, version }),
  apply: (id: Id, version: string) => http.post<EffectRow>(`${effect(id)}/apply`, { version }),
  settings: () => http.get<WorkforceSettingsView>('/workforce/settings'),

  // 档案管理
  archive: (workerId: Id) => http.get<ArchiveView>(`${worker(workerId)}/archive`),
  /** Multipart `file` (PDF/JPG/PNG/docx/xlsx, checked by content). Errors are left to the caller. */
  uploadArchive: (workerId: Id, category: string, file: File, options?: Pick<UploadOptions, 'signal' | 'onProgress'>) =>
    upload<ArchiveFileRow>(`${worker(workerId)}/archive/files`, file, { ...options, query: { category }, handled: true }),
  archiveFileUrl: (fileId: Id) => downloadUrl(`/workforce/archive-files/${encodeURIComponent(fileId)}`),
  deleteArchiveFile: (fileId: Id, reason: string) =>
    http.delete(`/workforce/archive-files/${encodeURIComponent(fileId)}`, { query: { reason } }),
  completeness: (q: { orgId?: string; incomplete?: boolean; category?: string; q?: string } & Paged) =>
    http.get<CompletenessReport>('/workforce/archive-completeness', { query: { ...q } }),
  archiveSettings: () => http.get<ArchiveSettingsView>('/workforce/archive-settings'),

  // profile and pickers
  development: (workerId: Id) => http.get<WorkerDevelopment>(`${worker(workerId)}/development`),
  workers: (q: { orgId?: string; q?: string; status?: 'Active'; pageSize?: number }) => http.get<Page<WorkerRow>>('/workforce/workers', { query: { ...q } }),
}
