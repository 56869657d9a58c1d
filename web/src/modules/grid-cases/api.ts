import { downloadUrl, http, upload, type RequestOptions, type UploadOptions } from '@/shared/http'
import type { Page } from '@/shared/api'
import type { Id } from '@/shared/types'
import type {
  GridDetail,
  GridRow,
  GridSettingsView,
  HandlingUnitInput,
  HandlingUnitRow,
  InspectionDetail,
  InspectionInput,
  InspectionQuery,
  InspectionRow,
  FindingInput,
  MediationConcludeInput,
  MediationDetail,
  MediationFigures,
  MediationInput,
  MediationQuery,
  MediationRow,
  MediationSessionInput,
  PhotoRow,
  RecheckInput,
} from './types'

const mediation = (id: Id) => `/grid/mediations/${encodeURIComponent(id)}`
const inspection = (id: Id) => `/grid/inspections/${encodeURIComponent(id)}`

export const gridCasesApi = {
  // 矛盾纠纷调解
  mediations: (query: MediationQuery) => http.get<Page<MediationRow>>('/grid/mediations', { query: { ...query } }),
  mediationFigures: (orgId: string | undefined, year: number) => http.get<MediationFigures>('/grid/mediations/figures', { query: { orgId, year } }),
  mediation: (id: Id) => http.get<MediationDetail>(mediation(id)),
  openMediation: (input: MediationInput, options?: RequestOptions) => http.post<MediationDetail>('/grid/mediations', input, options),
  addSession: (id: Id, input: MediationSessionInput, options?: RequestOptions) => http.post<MediationDetail>(`${mediation(id)}/sessions`, input, options),
  conclude: (id: Id, input: MediationConcludeInput, options?: RequestOptions) => http.post<MediationDetail>(`${mediation(id)}/conclude`, input, options),

  // 网格排查
  inspections: (query: InspectionQuery) => http.get<Page<InspectionRow>>('/grid/inspections', { query: { ...query } }),
  inspection: (id: Id) => http.get<InspectionDetail>(inspection(id)),
  schedule: (input: InspectionInput, options?: RequestOptions) => http.post<InspectionDetail>('/grid/inspections', input, options),
  /** Multipart `file` (JPG/PNG/WebP, checked by content). Errors are left to the caller. */
  uploadPhoto: (id: Id, file: File, options?: Pick<UploadOptions, 'signal' | 'onProgress'>) =>
    upload<PhotoRow>(`${inspection(id)}/photos`, file, { ...options, handled: true }),
  markDone: (id: Id) => http.post<InspectionDetail>(`${inspection(id)}/done`),
  addFinding: (id: Id, input: FindingInput, options?: RequestOptions) => http.post<InspectionDetail>(`${inspection(id)}/findings`, input, options),
  recheck: (id: Id, findingId: Id, input: RecheckInput, options?: RequestOptions) =>
    http.post<InspectionDetail>(`${inspection(id)}/findings/${encodeURIComponent(findingId)}/recheck`, input, options),
  photoUrl: (photoId: Id) => downloadUrl(`/grid/photos/${encodeURIComponent(photoId)}`),

  // 承办单位
  units: (orgId?: string) => http.get<HandlingUnitRow[]>('/grid/handling-units', { query: { orgId } }),
  createUnit: (input: HandlingUnitInput, options?: RequestOptions) => http.post<HandlingUnitRow>('/grid/handling-units', input, options),
  updateUnit: (id: Id, input: HandlingUnitInput, options?: RequestOptions) =>
    http.put<HandlingUnitRow>(`/grid/handling-units/${encodeURIComponent(id)}`, input, options),

  // for the pickers
  grids: (q: string, pageSize = 50) => http.get<Page<GridRow>>('/grid/grids', { query: { q, pageSize } }),
  grid: (id: Id) => http.get<GridDetail>(`/grid/grids/${encodeURIComponent(id)}`, { handled: true }),
  settings: () => http.get<GridSettingsView>('/grid/settings'),
}

let settingsLoad: Promise<GridSettingsView | null> | null = null

/** 网格设置 (photo size limit, rate decimals), loaded once; null when it could not be read. */
export function gridSettings(): Promise<GridSettingsView | null> {
  settingsLoad ??= gridCasesApi.settings().catch(() => {
    settingsLoad = null
    return null
  })
  return settingsLoad
}
