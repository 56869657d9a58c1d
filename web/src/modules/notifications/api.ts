import { http, type RequestOptions } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type { NotificationQuery, NotificationRow, ReminderRequest, ReminderResult, UnreadCount } from './types'

export const notificationApi = {
  list: (query: NotificationQuery, options?: RequestOptions) => http.get<Page<NotificationRow>>('/notifications', { ...options, query }),
  unreadCount: (options?: RequestOptions) => http.get<UnreadCount>('/notifications/unread-count', options),
  markRead: (id: Id, options?: RequestOptions) => http.post<void>(`/notifications/${encodeURIComponent(id)}/read`, undefined, options),
  markAllRead: (options?: RequestOptions) => http.post<void>('/notifications/read-all', undefined, options),
  sendReminders: (request: ReminderRequest, options?: RequestOptions) => http.post<ReminderResult>('/orglife/reminders', request, options),
}
