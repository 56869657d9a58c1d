import type { QueryOf, Schema } from '@/shared/api'

/** A notification addressed to the user's organization (`read` is per user). */
export type NotificationRow = Schema<'Platform.Notifications.NotificationRow'>
export type UnreadCount = Schema<'Platform.Notifications.UnreadCount'>
export type NotificationQuery = QueryOf<'/api/v1/notifications'>
export type NotificationFilters = Record<'unread', string>

/** `POST /orglife/reminders`: this month's reminder to every branch of a subtree, now. */
export type ReminderRequest = Schema<'Modules.OrgLife.Features.MonthlyReminders.SendRequest'>
export type ReminderResult = Schema<'Modules.OrgLife.Features.ReminderResult'>
