/**
 * Photos of an event: shrunk on the phone before they are sent (a camera photo is often 5–10 MB; JPEG at
 * 2560 px keeps the detail a clerk needs and drops the EXIF data, GPS included), then uploaded one by one
 * to `POST /grid/events/{id}/photos` (a resident's `/resident/events/{id}/photos`).
 */
import { isApiError } from '@/shared/http'
import { phoneApi } from './api'

const MAX_EDGE = 2560
const KEEP_BELOW = 1.5 * 1024 * 1024
const ACCEPTED = /^image\/(jpeg|png|webp)$/

/** A JPEG no larger than needed; the file itself when it is small already or the browser cannot draw it. */
export async function shrinkPhoto(file: File): Promise<File> {
  if (file.size <= KEEP_BELOW && ACCEPTED.test(file.type)) return file
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(bitmap.width * scale)
    canvas.height = Math.round(bitmap.height * scale)
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    bitmap.close()
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    if (!blob || (blob.size >= file.size && ACCEPTED.test(file.type))) return file
    return new File([blob], `${file.name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`, { type: 'image/jpeg' })
  } catch {
    return file
  }
}

export interface UploadResult {
  /** Ids of the photos the server kept, in order. */
  ids: string[]
  /** One message per photo that failed. */
  failures: string[]
}

/** Already uploaded files (a retry of a failed action does not send them twice). */
const uploaded = new WeakMap<File, string>()

/** Uploads `files` to the event one after another; `onEach(i, n)` before the i-th (1-based). */
export async function uploadPhotos(eventId: string, files: File[], onEach?: (index: number, count: number) => void): Promise<UploadResult> {
  const result: UploadResult = { ids: [], failures: [] }
  for (const [i, file] of files.entries()) {
    const known = uploaded.get(file)
    if (known) {
      result.ids.push(known)
      continue
    }
    onEach?.(i + 1, files.length)
    try {
      const row = await phoneApi().uploadPhoto(eventId, await shrinkPhoto(file))
      uploaded.set(file, row.id)
      result.ids.push(row.id)
    } catch (e) {
      const message = isApiError(e) ? (e.errors.file?.[0] ?? e.displayMessage) : '网络异常'
      result.failures.push(`第 ${i + 1} 张：${message}`)
    }
  }
  return result
}

/** The address of a stored photo (for `<img>`; the session cookie goes along). */
export function photoUrl(id: string): string {
  return phoneApi().photoUrl(id)
}
