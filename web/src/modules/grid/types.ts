/** 网格治理 types (from the API schema) and the Chinese labels and tag colours the pages share. */
import type { Schema } from '@/shared/api'

export type EventRow = Schema<'Modules.Grids.Features.EventRow'>
export type EventDetail = Schema<'Modules.Grids.Features.EventDetail'>
export type EventStepRow = Schema<'Modules.Grids.Features.EventStepRow'>
export type EventPage = Schema<'Modules.Grids.Features.EventPage'>
export type EventFigures = Schema<'Modules.Grids.Features.EventFigures'>
export type FigureLine = Schema<'Modules.Grids.Features.FigureLine'>
export type MapPoint = Schema<'Modules.Grids.Features.MapPoint'>
export type CategoryRow = Schema<'Modules.Grids.Features.CategoryRow'>
export type HandlingUnitRow = Schema<'Modules.Grids.Features.HandlingUnitRow'>
export type GridRow = Schema<'Modules.Grids.Features.GridRow'>
export type GridDetail = Schema<'Modules.Grids.Features.GridDetail'>
export type GridStaffRow = Schema<'Modules.Grids.Features.GridStaffRow'>
export type EventStatus = EventRow['status']
export type EventNetwork = EventRow['network']
export type GridLevel = GridRow['level']

export const EVENT_STATUSES = ['Reported', 'Accepted', 'Dispatched', 'InProgress', 'Feedback', 'Closed', 'Rejected', 'Merged'] as const satisfies readonly EventStatus[]
export const STATUS_LABELS: Record<EventStatus, string> = {
  Reported: '待研判', Accepted: '待派单', Dispatched: '待处置', InProgress: '处置中', Feedback: '待核查', Closed: '已办结', Rejected: '不予受理', Merged: '已合并',
}
export const STATUS_TAGS: Record<EventStatus, 'primary' | 'success' | 'warning' | 'info' | 'danger'> = {
  Reported: 'danger', Accepted: 'warning', Dispatched: 'warning', InProgress: 'primary', Feedback: 'primary', Closed: 'success', Rejected: 'info', Merged: 'info',
}
/** Map marker colours by status (overdue events are drawn red whatever their status). */
export const STATUS_COLORS: Record<EventStatus, string> = {
  Reported: '#e6703c', Accepted: '#e6a23c', Dispatched: '#e6a23c', InProgress: '#409eff', Feedback: '#409eff', Closed: '#52a35a', Rejected: '#a8abb2', Merged: '#a8abb2',
}

export const NETWORKS = ['PartyBuilding', 'Comprehensive', 'CivilAffairs', 'UrbanManagement', 'Emergency'] as const satisfies readonly EventNetwork[]
export const NETWORK_LABELS: Record<EventNetwork, string> = {
  PartyBuilding: '党建', Comprehensive: '综治', CivilAffairs: '民政', UrbanManagement: '城管', Emergency: '应急',
}

export const GRID_LEVELS = ['First', 'Second', 'Third', 'Dedicated'] as const satisfies readonly GridLevel[]
export const LEVEL_LABELS: Record<GridLevel, string> = { First: '一级网格', Second: '二级网格', Third: '三级网格', Dedicated: '专属网格' }
export const STAFF_ROLES = ['Leader', 'FullTime', 'PartTime', 'HouseholdHead'] as const
export const ROLE_LABELS: Record<(typeof STAFF_ROLES)[number], string> = { Leader: '网格长', FullTime: '专职网格员', PartTime: '兼职网格员', HouseholdHead: '联户长' }

/** Quick views of the queue (tabs above the table): each a set of filters. */
export const QUEUE_VIEWS = [
  { key: 'todo', label: '待研判', filters: { status: 'Reported' } },
  { key: 'dispatch', label: '待派单', filters: { status: 'Accepted' } },
  { key: 'check', label: '待核查', filters: { status: 'Feedback' } },
  { key: 'overdue', label: '超期', filters: { overdue: 'true' } },
  { key: 'outside', label: '待分派网格', filters: { outside: 'true' } },
  { key: 'all', label: '全部', filters: {} },
] as const

/** Hours as 2天3小时 (figures and deadlines). */
export function formatHours(hours: number | null | undefined): string {
  if (hours == null) return '—'
  if (hours < 24) return `${hours.toFixed(1)} 小时`
  const days = Math.floor(hours / 24)
  const rest = Math.round(hours - days * 24)
  return rest ? `${days}天${rest}小时` : `${days}天`
}

/** A percentage as published (the server already applied the decimals and rounding setting). */
export function formatRate(rate: number | null | undefined): string {
  return rate == null ? '—' : `${rate}%`
}
