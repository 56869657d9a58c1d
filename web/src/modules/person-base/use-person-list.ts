/**
 * A register list (党员, 居民 …): URL-synced paged list + tag options + 删除 (with reason) + reveal.
 * Pages add their own filters and columns; everything else is here.
 */
import { computed } from 'vue'
import { ElMessage } from 'element-plus'
import { promptReason } from '@/shared/confirm'
import { can } from '@/shared/session'
import { usePagedList, type FilterValues, type ListParams, type PagedListOptions, type SortMap } from '@/shared/use-paged-list'
import type { Permission, QueryParams } from '@/shared/types'
import type { PersonLikeRow, RecordApi, RevealField } from './types'
import { useTagOptions } from './use-tag-options'

/** Every register filters by 所在组织, 姓名 and 标签 (plus its own filters). */
export type RegisterFilters = FilterValues & { orgId: string; name: string; tag: string }

/** The query part every register's list endpoint has, from the list state ('' = not set). */
export function registerQuery(p: Pick<ListParams<RegisterFilters>, 'orgId' | 'name' | 'tag' | 'page' | 'pageSize'>) {
  return {
    orgId: p.orgId || undefined,
    name: p.name || undefined,
    tag: p.tag || undefined,
    page: p.page,
    pageSize: p.pageSize,
  }
}

export interface PersonListOptions<Row extends PersonLikeRow, F extends RegisterFilters, Q extends QueryParams> {
  api: Pick<RecordApi<Row, unknown, unknown, Q>, 'list' | 'remove' | 'reveal'>
  filters: F
  /** Filters whose URL value must be checked (enums: a hand-edited URL must not make the list fail). */
  accept?: PagedListOptions<Row, F>['accept']
  /** The request query from the list state (the URL's strings → the server's types). */
  toQuery: (params: ListParams<F>) => Q
  sortMap?: SortMap
  defaultSort?: string
  /** 党员 / 居民 — used in messages. */
  noun: string
  writePermission: Permission
  revealPermission: Permission
}

export function usePersonList<Row extends PersonLikeRow, F extends RegisterFilters, Q extends QueryParams>(
  options: PersonListOptions<Row, F, Q>,
) {
  const list = usePagedList<Row, F>({
    filters: options.filters,
    accept: options.accept,
    fetch: (params) => options.api.list(options.toQuery(params)),
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

  /**
   * A loader for one masked cell (the reveal is audited server-side). The value is null when nothing
   * is stored (a cell without a masked value offers no reveal, so that is rare).
   */
  function revealer(row: Row, field: RevealField): () => Promise<string> {
    return async () => (await options.api.reveal(row.id, field)).value ?? '—'
  }

  async function afterSave(): Promise<void> {
    await list.reload()
    void refreshTags()
  }

  return { list, tags, canWrite, canReveal, remove, revealer, afterSave }
}

export type PersonList<Row extends PersonLikeRow, F extends RegisterFilters> = ReturnType<
  typeof usePersonList<Row, F, QueryParams>
>
