import { http, upload, type RequestOptions } from '@/shared/http'
import type { Page } from '@/shared/api'
import type { Id } from '@/shared/types'
import type { CategoryRow, EventDetail, EventFigures, EventPage, GridDetail, GridRow, GridStaffRow, HandlingUnitRow, MapPoint } from './types'

export interface EventQuery {
  orgId?: string
  status?: string
  categoryId?: string
  network?: string
  gridId?: string
  overdue?: boolean
  escalated?: boolean
  outside?: boolean
  open?: boolean
  from?: string
  to?: string
  q?: string
  page?: number
  pageSize?: number
}

export interface ActionBody {
  note?: string | null
  duplicateOfId?: string | null
  handlingUnitId?: string | null
  toGrid?: boolean
  deadlineHours?: number | null
  rating?: number | null
  photoIds?: string[]
  version?: string
}

const event = (id: Id) => `/grid/events/${encodeURIComponent(id)}`
const grid = (id: Id) => `/grid/grids/${encodeURIComponent(id)}`

export const gridApi = {
  events: (query: EventQuery, options?: RequestOptions) => http.get<EventPage>('/grid/events', { ...options, query: { ...query } }),
  event: (id: Id, options?: RequestOptions) => http.get<EventDetail>(event(id), options),
  report: (body: Record<string, unknown>, options?: RequestOptions) => http.post<EventDetail>('/grid/events', body, options),
  act: (id: Id, action: string, body: ActionBody, options?: RequestOptions) =>
    http.post<EventDetail>(`${event(id)}/actions/${action.toLowerCase()}`, body, options),
  place: (id: Id, body: { gridId?: string | null; orgId?: string | null; version?: string }, options?: RequestOptions) =>
    http.put<EventDetail>(`${event(id)}/place`, body, options),
  uploadPhoto: (id: Id, file: File) => upload<{ id: string; fileName: string }>(`${event(id)}/photos`, file),
  photoUrl: (id: Id) => `/api/v1/grid/photos/${encodeURIComponent(id)}`,
  figures: (query: { orgId?: string; from?: string; to?: string }) => http.get<EventFigures>('/grid/events/figures', { query: { ...query } }),
  map: (query: { orgId?: string; from?: string; to?: string; open?: boolean }) => http.get<MapPoint[]>('/grid/events/map', { query: { ...query } }),
  categories: () => http.get<CategoryRow[]>('/grid/categories'),
  unitsForEvent: (id: Id) => http.get<HandlingUnitRow[]>('/grid/handling-units', { query: { forEvent: id } }),
  grids: (query: { orgId?: string; parentId?: string; level?: string; q?: string; page?: number; pageSize?: number }, options?: RequestOptions) =>
    http.get<Page<GridRow>>('/grid/grids', { ...options, query: { ...query } }),
  grid: (id: Id) => http.get<GridDetail>(grid(id)),
  createGrid: (body: Record<string, unknown>, options?: RequestOptions) => http.post<GridRow>('/grid/grids', body, options),
  updateGrid: (id: Id, body: Record<string, unknown>, options?: RequestOptions) => http.put<GridRow>(grid(id), body, options),
  deleteGrid: (id: Id, reason: string) => http.delete<void>(grid(id), { query: { reason } }),
  addStaff: (id: Id, body: { personId: string; role: string; since?: string | null }, options?: RequestOptions) =>
    http.post<GridStaffRow>(`${grid(id)}/staff`, body, options),
  endStaff: (id: Id, staffId: Id) => http.delete<void>(`${grid(id)}/staff/${encodeURIComponent(staffId)}`),
  exportUrl: (orgId?: string) => `/api/v1/grid/grids/export${orgId ? `?orgId=${encodeURIComponent(orgId)}` : ''}`,
  importGrids: (orgId: Id, body: unknown, options?: RequestOptions) =>
    http.post<{ created: number; updated: number }>('/grid/grids/import', body, { ...options, query: { orgId } }),
  /** Grid boundaries of a subtree as GeoJSON (the export), for the map. */
  boundaries: (orgId?: string) => http.get<GeoJsonCollection>('/grid/grids/export', { query: { orgId } }),
}

export interface GeoJsonCollection {
  type: 'FeatureCollection'
  features: { type: 'Feature'; id?: string; properties: { name: string; code: string; level: string; parentCode: string | null }; geometry: unknown }[]
}
