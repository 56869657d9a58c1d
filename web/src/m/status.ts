/** Labels and colours of event statuses and networks on the phone pages. */
import type { EventNetwork, EventStatus } from './types'

export interface TagStyle {
  /** Background. */
  color: string
  textColor: string
}

const STATUS_STYLES: Record<EventStatus, TagStyle> = {
  Reported: { color: '#fff4e5', textColor: '#d46b08' },
  Accepted: { color: '#fff4e5', textColor: '#d46b08' },
  Dispatched: { color: '#e8f3ff', textColor: '#1668dc' },
  InProgress: { color: '#e6f7f7', textColor: '#08979c' },
  Feedback: { color: '#f2ebff', textColor: '#722ed1' },
  Closed: { color: '#e8f8ee', textColor: '#1a8a45' },
  Rejected: { color: '#f2f3f5', textColor: '#6b7280' },
  Merged: { color: '#f2f3f5', textColor: '#6b7280' },
}

export const OVERDUE_STYLE: TagStyle = { color: '#fdecec', textColor: '#c8161d' }

export function statusStyle(status: EventStatus): TagStyle {
  return STATUS_STYLES[status] ?? STATUS_STYLES.Rejected
}

export const NETWORKS: readonly { value: EventNetwork; label: string }[] = [
  { value: 'PartyBuilding', label: '党建' },
  { value: 'Comprehensive', label: '综治' },
  { value: 'CivilAffairs', label: '民政' },
  { value: 'UrbanManagement', label: '城管' },
  { value: 'Emergency', label: '应急' },
]

export const REPORTER_KINDS: Readonly<Record<string, string>> = {
  GridStaff: '网格员',
  Resident: '居民',
  Shop: '商户',
  Open311: '接口接入',
}

/** Statuses in which the handling clock runs (a deadline matters). */
export const HANDLING: readonly EventStatus[] = ['Dispatched', 'InProgress']
