/** One worker's archive: categories with their files, upload (checked by content on the server), download, delete with a reason. */
import { ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { isApiError } from '@/shared/http'
import { promptReason } from '@/shared/confirm'
import { can } from '@/shared/session'
import { devApi } from './api'
import type { ArchiveFileRow, ArchiveView } from './types'

export function useArchive(changed?: () => void) {
  const archive = shallowRef<ArchiveView | null>(null)
  const loading = ref(false)
  const uploading = ref<string | null>(null)
  const progress = ref(0)
  const error = ref<{ category: string; message: string } | null>(null)
  const canWrite = () => can('workforce:write')

  async function load(workerId: string): Promise<void> {
    loading.value = true
    try {
      archive.value = await devApi.archive(workerId)
    } finally {
      loading.value = false
    }
  }

  async function upload(category: string, files: FileList | null): Promise<void> {
    const a = archive.value
    if (!a || !files?.length) return
    error.value = null
    uploading.value = category
    try {
      for (const file of Array.from(files)) {
        if (file.size > a.maxFileMegabytes * 1024 * 1024) throw new Error(`${file.name} 超过 ${a.maxFileMegabytes} MB`)
        progress.value = 0
        await devApi.uploadArchive(a.workerId, category, file, { onProgress: (p) => (progress.value = p) })
      }
      ElMessage.success(files.length > 1 ? `已上传 ${files.length} 个文件` : '已上传')
      await load(a.workerId)
      changed?.()
    } catch (e) {
      error.value = { category, message: isApiError(e) ? (Object.values(e.errors).flat()[0] ?? e.displayMessage) : e instanceof Error ? e.message : '上传失败' }
      await load(a.workerId)
    } finally {
      uploading.value = null
    }
  }

  async function remove(f: ArchiveFileRow): Promise<void> {
    const a = archive.value
    if (!a) return
    const reason = await promptReason({ title: '删除档案材料', message: `删除“${f.fileName}”（${f.category}）？`, confirmText: '删除' })
    if (!reason) return
    await devApi.deleteArchiveFile(f.id, reason)
    ElMessage.success('已删除')
    await load(a.workerId)
    changed?.()
  }

  return { archive, loading, uploading, progress, error, canWrite, load, upload, remove, fileUrl: devApi.archiveFileUrl }
}
