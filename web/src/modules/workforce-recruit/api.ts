import { fetchDownload, http, upload, type RequestOptions } from '@/shared/http'
import type { Page } from '@/shared/api'
import type { Id } from '@/shared/types'
import type {
  AnnouncementDefaults,
  AnnouncementDetail,
  AnnouncementInput,
  AnnouncementRow,
  AnnouncementStatus,
  ApplicationDetail,
  ApplicationInput,
  ApplicationRow,
  HireInput,
  HireResult,
  ImportReport,
  PublicizeInput,
  RankingView,
  ReviewInput,
  ReviewResult,
  ScoresInput,
} from './types'

const ann = (id: Id) => `/workforce/announcements/${encodeURIComponent(id)}`
const app = (id: Id) => `/workforce/applications/${encodeURIComponent(id)}`

export interface AnnouncementListQuery {
  orgId?: string
  status?: AnnouncementStatus
  year?: number
  q?: string
  page: number
  pageSize: number
}

export const recruitApi = {
  list: (query: AnnouncementListQuery) => http.get<Page<AnnouncementRow>>('/workforce/announcements', { query: { ...query } }),
  defaults: () => http.get<AnnouncementDefaults>('/workforce/announcements/defaults'),
  get: (id: Id) => http.get<AnnouncementDetail>(ann(id)),
  create: (input: AnnouncementInput, options?: RequestOptions) => http.post<AnnouncementDetail>('/workforce/announcements', input, options),
  update: (id: Id, input: AnnouncementInput, options?: RequestOptions) => http.put<AnnouncementDetail>(ann(id), input, options),
  open: (id: Id) => http.post<AnnouncementDetail>(`${ann(id)}/open`),
  closeApplications: (id: Id) => http.post<AnnouncementDetail>(`${ann(id)}/close-applications`),
  applications: (id: Id, query: { positionId?: string; review?: ReviewResult; q?: string; page: number; pageSize: number }) =>
    http.get<Page<ApplicationRow>>(`${ann(id)}/applications`, { query: { ...query } }),
  apply: (id: Id, input: ApplicationInput, options?: RequestOptions) => http.post<ApplicationDetail>(`${ann(id)}/applications`, input, options),
  template: (id: Id) => fetchDownload(`${ann(id)}/applications/template`, undefined, '选聘报名导入模板.xlsx'),
  importFile: (id: Id, file: File, mode: 'ValidRows' | 'AllOrNothing') =>
    upload<ImportReport>(`${ann(id)}/applications/import`, file, { query: { mode }, handled: true }),
  ranking: (id: Id) => http.get<RankingView>(`${ann(id)}/ranking`),
  publicize: (id: Id, input: PublicizeInput, options?: RequestOptions) => http.post<AnnouncementDetail>(`${ann(id)}/publicize`, input, options),
  hire: (id: Id, input: HireInput, options?: RequestOptions) => http.post<HireResult>(`${ann(id)}/hire`, input, options),
  application: (id: Id) => http.get<ApplicationDetail>(app(id)),
  updateApplication: (id: Id, input: ApplicationInput, options?: RequestOptions) => http.put<ApplicationDetail>(app(id), input, options),
  review: (id: Id, input: ReviewInput, options?: RequestOptions) => http.post<ApplicationDetail>(`${app(id)}/review`, input, options),
  scores: (id: Id, input: ScoresInput, options?: RequestOptions) => http.put<ApplicationDetail>(`${app(id)}/scores`, input, options),
}
