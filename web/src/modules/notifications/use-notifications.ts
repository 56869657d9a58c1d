/** 消息提醒: the paged list (全部 / 未读 in the URL), mark read, all read, and 发送本月提醒 (orglife:review). */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { useRouter } from 'vue-router'
import { FORM_ERRORS } from '@/shared/http'
import { can, session } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { notificationApi } from './api'
import type { NotificationFilters, NotificationRow, ReminderResult } from './types'
import { adjustUnread, clearUnread, openNotification, refreshUnread, unreadCount } from './unread'

export const KIND_LABELS: Record<string, string> = {
  'orglife.reminder': '组织生活提醒',
}

export function useNotifications() {
  const router = useRouter()
  const list = usePagedList<NotificationRow, NotificationFilters>({
    filters: { unread: '' },
    accept: { unread: (v) => v === '1' },
    fetch: async (p) => {
      const page = await notificationApi.list({ unreadOnly: p.unread === '1' || undefined, page: p.page, pageSize: p.pageSize })
      void refreshUnread()
      return page
    },
  })
  const canSend = computed(() => can('orglife:review'))

  function patch(id: string, read: boolean): void {
    list.rows.value = list.rows.value.map((r) => (r.id === id ? { ...r, read } : r))
  }

  async function markRead(n: NotificationRow): Promise<void> {
    if (n.read) return
    try {
      await notificationApi.markRead(n.id)
      patch(n.id, true)
      adjustUnread(-1)
      void refreshUnread()
    } catch {
      // shown by the http client
    }
  }

  function open(n: NotificationRow): Promise<void> {
    return openNotification(n, router, () => patch(n.id, true))
  }

  const markingAll = ref(false)
  async function markAllRead(): Promise<void> {
    markingAll.value = true
    try {
      await notificationApi.markAllRead()
      clearUnread()
      ElMessage.success('已全部标为已读')
      if (list.applied.value.unread === '1') await list.reload()
      else list.rows.value = list.rows.value.map((r) => ({ ...r, read: true }))
    } catch {
      // shown by the http client
    } finally {
      markingAll.value = false
    }
  }

  // --- 发送本月提醒 ------------------------------------------------------------------------------
  const sendOpen = ref(false)
  const sendModel = reactive<{ orgId: string | null }>({ orgId: null })
  const sendResult = shallowRef<ReminderResult | null>(null)
  const sendForm = useFormSubmit(['orgId'] as const)

  function openSend(): void {
    sendModel.orgId = session.me?.orgId ?? null
    sendResult.value = null
    sendForm.serverErrors.clear()
    sendOpen.value = true
  }

  const send = () =>
    sendForm.submit(async () => {
      sendResult.value = await notificationApi.sendReminders({ orgId: sendModel.orgId }, { handled: FORM_ERRORS })
      await list.reload()
    })

  return {
    list,
    unreadCount,
    canSend,
    markRead,
    open,
    markingAll,
    markAllRead,
    reminder: { open: sendOpen, model: sendModel, result: sendResult, ...sendForm, openSend, send },
  }
}

export type NotificationsPage = ReturnType<typeof useNotifications>
