/**
 * The 随手拍 report form: `POST /grid/events` (a resident's `/resident/events`), then the chosen photos to the
 * new event. Server field errors land under the matching fields; a second tap while it is sending does nothing.
 */
import { reactive, ref, type Ref } from 'vue'
import { closeToast, showFailToast, showLoadingToast, type UploaderFileListItem } from 'vant'
import { notifyError } from '@/shared/http'
import { useServerErrors } from '@/shared/form-errors'
import { phoneApi } from './api'
import { markMineStale } from './use-my-events'
import { uploadPhotos } from './photos'
import { rememberResidentName, residentName } from './session'
import type { EventDetail, EventNetwork } from './types'

export const MAX_PHOTOS = 9
export const MAX_DESCRIPTION = 500

export interface ReportPoint {
  lon: Ref<number | null>
  lat: Ref<number | null>
}

export interface ReportOutcome {
  detail: EventDetail
  /** Photos that could not be uploaded (the event is reported anyway). */
  photoFailures: string[]
}

const FIELDS = ['categoryId', 'network', 'description', 'address', 'location', 'photos', 'name'] as const
export type ReportField = (typeof FIELDS)[number]

export function useReport(point: ReportPoint) {
  const form = reactive({
    categoryId: '',
    network: 'Comprehensive' as EventNetwork,
    description: '',
    address: '',
    /** A resident's 称呼 (e.g. 王阿姨), the one they gave last time on this phone. */
    name: residentName(),
  })
  const photos = ref<UploaderFileListItem[]>([])
  const submitting = ref(false)
  // the point's and the community's messages belong to the location row; a photo's to the photos
  const errors = useServerErrors(FIELDS, { lon: 'location', lat: 'location', orgId: 'location', photoIds: 'photos', file: 'photos' })

  async function submit(): Promise<ReportOutcome | null> {
    if (submitting.value) return null
    submitting.value = true
    errors.clear()
    const toast = showLoadingToast({ message: '正在上报…', forbidClick: true, duration: 0 })
    try {
      const name = form.name.trim()
      const detail = await phoneApi().report({
        categoryId: form.categoryId,
        network: form.network,
        description: form.description.trim(),
        lon: point.lon.value,
        lat: point.lat.value,
        address: form.address.trim() || null,
        name: name || null,
      })
      markMineStale()
      rememberResidentName(name)

      const items = photos.value.filter((p) => p.file)
      for (const item of items) item.status = 'uploading'
      const result = await uploadPhotos(detail.event.id, items.map((p) => p.file as File), (i, n) => {
        toast.message = `正在上传照片 ${i}/${n}`
      })
      for (const item of items) item.status = 'done'
      closeToast()
      return { detail, photoFailures: result.failures }
    } catch (e) {
      if (errors.apply(e)) showFailToast({ message: errors.general.value || '请按提示修改后再提交', wordBreak: 'break-word' })
      else notifyError(e)
      submitting.value = false
      return null
    }
    // on success `submitting` stays set: the page moves on to the new event
  }

  return { form, photos, submitting, errors, submit }
}
