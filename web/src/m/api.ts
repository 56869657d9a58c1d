/**
 * The endpoints behind the phone pages, for whoever is signed in: a grid worker uses `/grid/…`, a resident
 * `/resident/…` (their own events only; no handling, only 评价). The views and composables call
 * {@link phoneApi} and need not know which.
 */
import { downloadUrl, http, upload } from '@/shared/http'
import { currentUser } from './session'
import type {
  CategoryRow,
  EventActionInput,
  EventDetail,
  EventInput,
  EventNetwork,
  EventPage,
  PhotoRow,
  ResidentEventInput,
  ResidentRateInput,
} from './types'

/** A 随手拍 report as the form has it; the facade sends what the user's endpoint takes. */
export interface ReportInput {
  categoryId: string
  description: string
  lon: number | null
  lat: number | null
  address: string | null
  /** 条线: grid workers only (a resident's report is 综治, the community sorts it out). */
  network: EventNetwork
  /** How a resident would be addressed (null = 居民); grid workers are named by their account. */
  name: string | null
}

/** Actions on an event: the handling ones are the grid worker's, `rate` anybody's who reported it. */
export type EventActionName = 'start' | 'progress' | 'feedback' | 'rate'

export interface PhoneApi {
  categories(): Promise<CategoryRow[]>
  /** Errors are the caller's to show (field errors under the form's fields). */
  report(input: ReportInput): Promise<EventDetail>
  /** 我的上报, newest first. Errors are the caller's. */
  mine(page: number, pageSize: number): Promise<EventPage>
  /** 404 is the caller's (not found, or not theirs to see). */
  event(id: string): Promise<EventDetail>
  /** Takes an action on the version shown. Errors are the caller's. */
  act(id: string, action: EventActionName, body: EventActionInput, version: string): Promise<EventDetail>
  /** One photo to an event (a resident's only while it waits for 研判). Errors are the caller's. */
  uploadPhoto(eventId: string, file: File): Promise<PhotoRow>
  /** The address of a stored photo (for `<img>`; the session cookie goes along). */
  photoUrl(id: string): string
}

const staffApi: PhoneApi = {
  categories: () => http.get<CategoryRow[]>('/grid/categories'),
  report: (input) => {
    const body: EventInput = {
      categoryId: input.categoryId || null,
      network: input.network,
      description: input.description,
      lon: input.lon,
      lat: input.lat,
      address: input.address,
      reporterKind: 'GridStaff',
    }
    return http.post<EventDetail>('/grid/events', body, { handled: true })
  },
  mine: (page, pageSize) => http.get<EventPage>('/grid/events/mine', { query: { page, pageSize }, handled: true }),
  event: (id) => http.get<EventDetail>(`/grid/events/${id}`, { handled: [404] }),
  act: (id, action, body, version) =>
    http.post<EventDetail>(`/grid/events/${id}/actions/${action}`, { ...body, version }, { handled: true }),
  uploadPhoto: (eventId, file) => upload<PhotoRow>(`/grid/events/${eventId}/photos`, file, { handled: true }),
  photoUrl: (id) => downloadUrl(`/grid/photos/${id}`),
}

const residentApi: PhoneApi = {
  categories: () => http.get<CategoryRow[]>('/resident/categories'),
  report: (input) => {
    const body: ResidentEventInput = {
      categoryId: input.categoryId || null,
      description: input.description,
      lon: input.lon,
      lat: input.lat,
      address: input.address,
      name: input.name,
    }
    return http.post<EventDetail>('/resident/events', body, { handled: true })
  },
  mine: (page, pageSize) => http.get<EventPage>('/resident/events', { query: { page, pageSize }, handled: true }),
  event: (id) => http.get<EventDetail>(`/resident/events/${id}`, { handled: [404] }),
  act: (id, action, body) => {
    // a resident only rates (the page offers nothing else: `allowedActions` is at most ["Rate"])
    if (action !== 'rate') return Promise.reject(new Error('居民不能办理事件'))
    const input: ResidentRateInput = { rating: body.rating, note: body.note }
    return http.post<EventDetail>(`/resident/events/${id}/rate`, input, { handled: true })
  },
  uploadPhoto: (eventId, file) => upload<PhotoRow>(`/resident/events/${eventId}/photos`, file, { handled: true }),
  photoUrl: (id) => downloadUrl(`/resident/photos/${id}`),
}

/** The endpoints of the user signed in now. */
export function phoneApi(): PhoneApi {
  return currentUser()?.kind === 'resident' ? residentApi : staffApi
}
