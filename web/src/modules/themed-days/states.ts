/** How a themed-day state looks: label, tag type, icon, and the matrix cell's colors. */
import type { Component } from 'vue'
import { CircleCheckFilled, CircleCloseFilled, Clock, Minus, WarningFilled } from '@element-plus/icons-vue'
import type { ThemedDayState } from './types'

export interface StateLook {
  label: string
  /** What the matrix legend says about it. */
  hint: string
  tag: 'success' | 'warning' | 'danger' | 'primary' | 'info'
  icon: Component | null
}

export const STATE_LOOKS: Record<ThemedDayState, StateLook> = {
  Done: { label: '已完成', hint: '已记录，必选环节齐全', tag: 'success', icon: CircleCheckFilled },
  Partial: { label: '环节不全', hint: '已记录，但缺少必选环节', tag: 'warning', icon: WarningFilled },
  Missing: { label: '未开展', hint: '月份已过，没有记录', tag: 'danger', icon: CircleCloseFilled },
  Pending: { label: '本月待开展', hint: '本月尚未记录', tag: 'primary', icon: Clock },
  NotDue: { label: '未到', hint: '月份未到', tag: 'info', icon: Minus },
  NoTheme: { label: '无主题', hint: '计划中该月没有安排主题', tag: 'info', icon: null },
}

export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const

export function monthLabel(month: number): string {
  return `${month}月`
}

/** This year and month (local time). */
export function thisYearMonth(): { year: number; month: number } {
  const d = new Date()
  return { year: d.getFullYear(), month: d.getMonth() + 1 }
}
