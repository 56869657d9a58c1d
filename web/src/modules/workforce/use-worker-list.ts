/** 花名册 list: URL-synced filters (组织, 姓名, 岗位, 状态, 持证) and paging; who may import / export in full. 删除 is on the profile. */
import { computed } from 'vue'
import { oneOf } from '@/shared/api'
import { can } from '@/shared/session'
import { usePagedList } from '@/shared/use-paged-list'
import { workforceApi } from './api'
import { WORKER_POSTS, WORKER_STATUSES, type WorkerFilters, type WorkerRow } from './types'

const CERTIFIED = ['true', 'false'] as const

export function useWorkerList() {
  const list = usePagedList<WorkerRow, WorkerFilters>({
    filters: { orgId: '', q: '', post: '', status: '', certified: '' },
    // a value the server does not know (a hand-edited URL) counts as not set
    accept: {
      post: (v) => oneOf(WORKER_POSTS, v) !== undefined,
      status: (v) => oneOf(WORKER_STATUSES, v) !== undefined,
      certified: (v) => oneOf(CERTIFIED, v) !== undefined,
    },
    fetch: (p) =>
      workforceApi.list({
        orgId: p.orgId || undefined,
        q: p.q.trim() || undefined,
        post: oneOf(WORKER_POSTS, p.post),
        status: oneOf(WORKER_STATUSES, p.status),
        certified: p.certified === '' ? undefined : p.certified === 'true',
        page: p.page,
        pageSize: p.pageSize,
      }),
  })
  const canWrite = computed(() => can('workforce:write'))
  /** 导出（含完整身份证号、手机号）. */
  const canReveal = computed(() => can('member:reveal'))

  return { list, canWrite, canReveal }
}
