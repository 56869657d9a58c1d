/**
 * What the header bell and the 消息提醒 page share: the unread count (marking read on either updates
 * both), opening a notification, its relative time. Count refreshes are coalesced; failures keep the last
 * count (the bell must never nag with error toasts).
 */
import { readonly, ref } from 'vue'
import type { Router } from 'vue-router'
import { pad } from '@/shared/format'
import { notificationApi } from './api'
import type { NotificationRow } from './types'

const count = ref(0)
let inFlight: Promise<void> | null = null

export const unreadCount = readonly(count)

export function refreshUnread(): Promise<void> {
  inFlight ??= notificationApi
    .unreadCount({ handled: true })
    .then((r) => {
      count.value = r.count
    })
    .catch(() => undefined)
    .finally(() => {
      inFlight = null
    })
  return inFlight
}

/** Local update after marking read (the next refresh confirms it). */
export function adjustUnread(delta: number): void {
  count.value = Math.max(0, count.value + delta)
}

export function clearUnread(): void {
  count.value = 0
}

/**
 * Opens a notification: an unread one is marked read here at once (`markLocal` updates the caller's list;
 * the server is told in the background), then its link is followed (a web address in a new tab).
 */
export async function openNotification(n: NotificationRow, router: Router, markLocal: () => void): Promise<void> {
  if (!n.read) {
    markLocal()
    adjustUnread(-1)
    void notificationApi
      .markRead(n.id, { handled: true })
      .catch(() => undefined)
      .finally(() => void refreshUnread())
  }
  if (!n.link) return
  if (/^https?:\/\//i.test(n.link)) window.open(n.link, '_blank', 'noopener')
  else await router.push(n.link)
}

/** Relative time for a notification: 刚刚, 5分钟前, 3小时前, 昨天 09:30, else the date. */
export function timeAgo(iso: string): string {
  const t = new Date(iso)
  const ms = Date.now() - t.getTime()
  if (Number.isNaN(ms)) return iso
  const min = Math.floor(ms / 60000)
  if (min < 1) return '刚刚'
  if (min < 60) return `${min}分钟前`
  const hours = Math.floor(min / 60)
  if (hours < 24) return `${hours}小时前`
  const hm = `${pad(t.getHours())}:${pad(t.getMinutes())}`
  if (hours < 48) return `昨天 ${hm}`
  const sameYear = t.getFullYear() === new Date().getFullYear()
  return `${sameYear ? '' : `${t.getFullYear()}年`}${t.getMonth() + 1}月${t.getDate()}日 ${hm}`
}
