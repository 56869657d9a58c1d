/**
 * A register list (党员, 居民 …): URL-synced paged list + tag options + 删除 (with reason) + reveal.
 * Pages add their own filters and columns; everything else is here.
 */
import { computed } from 'vue'
import { ElMessage } from 'element-plus'
import { promptReason } from '@/shared/confirm'
import { can } from '@/shared/session'
import { usePagedList, type FilterValues, type ListParams, type SortMap } from '@/shared/use-paged-list'
import type { Permission } from '@/shared/types'
import type { PersonLikeRow, RecordApi, RevealField } from './types'
import { useTagOptions } from './use-tag-options'

/** Every register filters by 所在组织, 姓名 and 标签 (plus its own filters). */
export type RegisterFilters = FilterValues & { orgId: string; name: string; tag: string }

export interface PersonListOptions<Row extends PersonLikeRow, F extends RegisterFilters> {
  api: Pick<RecordApi<Row, unknown, unknown, ListParams<F>>, 'list' | 'remove' | 'reveal'>
  filters: F
  sortMap?: SortMap
  defaultSort?: string
  /** 党员 / 居民 — used in messages. */
  noun: string
  writePermission: Permission
  revealPermission: Permission
}

export function usePersonList<Row extends PersonLikeRow, F extends RegisterFilters>(options: PersonListOptions<Row, F>) {
  const list = usePagedList<Row, F>({
    filters: options.filters,
    fetch: (params) => options.api.list(params),
    sortMap: options.sortMap,
    defaultSort: options.defaultSort,
  })
  const { tags, refresh: refreshTags } = useTagOptions()
  const canWrite = computed(() => can(options.writePermission))
  const canReveal = computed(() => can(options.revealPermission))

  async function remove(row: Row): Promise<void> {
    const reason = await promptReason({
      title: `删除${options.noun}`,
      message: `确定删除${options.noun}「${row.name}」吗？删除后可由管理员在审计日志中追溯。`,
      confirmText: '删除',
    })
    if (reason === null) return
    try {
      await options.api.remove(row.id, reason)
      ElMessage.success(`已删除「${row.name}」`)
      await list.reload()
      void refreshTags()
    } catch {
      // shown by the http client
    }
  }

  /** A loader for one masked cell (the reveal is audited server-side). */
  function revealer(row: Row, field: RevealField): () => Promise<string> {
    return async () => (await options.api.reveal(row.id, field)).value
  }

  async function afterSave(): Promise<void> {
    await list.reload()
    void refreshTags()
  }

  return { list, tags, canWrite, canReveal, remove, revealer, afterSave }
}

export type PersonList<Row extends PersonLikeRow, F extends RegisterFilters> = ReturnType<typeof usePersonList<Row, F>>
