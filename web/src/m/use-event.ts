/** One event (`GET /grid/events/{id}`, a resident's `/resident/events/{id}`) and the actions a grid worker or the reporter takes on it. */
import { computed, ref, watch, type Ref } from 'vue'
import { showFailToast, showSuccessToast } from 'vant'
import { isApiError, notifyError } from '@/shared/http'
import type { ServerErrors } from '@/shared/form-errors'
import { phoneApi, type EventActionName } from './api'
import { markMineStale } from './use-my-events'
import type { EventActionInput, EventDetail } from './types'

export type { EventActionName } from './api'

const DONE: Record<EventActionName, string> = {
  start: '已接单，请尽快处置',
  progress: '进展已提交',
  feedback: '处置结果已反馈，等待核查',
  rate: '感谢您的评价',
}

export function useEvent(id: Ref<string>) {
  const detail = ref<EventDetail | null>(null)
  const loading = ref(false)
  const missing = ref(false)
  const acting = ref(false)

  const allowed = computed(() => new Set(detail.value?.allowedActions ?? []))

  async function load(): Promise<void> {
    loading.value = true
    try {
      detail.value = await phoneApi().event(id.value)
      missing.value = false
    } catch (e) {
      if (isApiError(e) && e.status === 404) missing.value = true
    } finally {
      loading.value = false
    }
  }

  /**
   * Takes an action on the version shown (someone else's change in between is a 409: the page reloads).
   * Field messages go to `errors` when given; resolves true when the action went through.
   */
  async function act<F extends string>(action: EventActionName, body: EventActionInput, errors?: ServerErrors<F>): Promise<boolean> {
    if (!detail.value || acting.value) return false
    acting.value = true
    errors?.clear()
    try {
      detail.value = await phoneApi().act(id.value, action, body, detail.value.version)
      markMineStale()
      showSuccessToast(DONE[action])
      return true
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        showFailToast({ message: e.displayMessage, wordBreak: 'break-word' })
        await load()
      } else if (isApiError(e) && (e.status === 400 || e.status === 403 || e.status === 404)) {
        const shown = errors?.apply(e) ?? false
        const general = errors ? errors.general.value : e.displayMessage
        if (!shown || general) showFailToast({ message: general || e.displayMessage, wordBreak: 'break-word' })
      } else {
        notifyError(e)
      }
      return false
    } finally {
      acting.value = false
    }
  }

  watch(id, () => void load(), { immediate: true })
  return { detail, loading, missing, acting, allowed, load, act }
}
