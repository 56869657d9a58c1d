/** 工作台: a few figures of the user's scope from existing endpoints. */
import { computed, ref, shallowRef } from 'vue'
import { can, session } from '@/shared/session'
import type { TagCount } from '@/shared/types'
import { memberApi } from '@/modules/members/api'
import type { MemberQuery } from '@/modules/members/types'
import { orgApi } from '@/modules/orgs/api'
import type { OrgNode } from '@/modules/orgs/types'
import { tagApi } from '@/modules/person-base/api'

export interface DashboardFigures {
  memberTotal: number | null
  probationary: number | null
  mobile: number | null
  childOrgs: number | null
}

async function countMembers(query: MemberQuery): Promise<number | null> {
  try {
    return (await memberApi.list({ ...query, page: 1, pageSize: 1 }, { handled: true })).total
  } catch {
    return null
  }
}

export function useDashboard() {
  const loading = ref(true)
  const root = shallowRef<OrgNode | null>(null)
  const children = shallowRef<OrgNode[]>([])
  const tags = shallowRef<TagCount[]>([])
  const figures = ref<DashboardFigures>({ memberTotal: null, probationary: null, mobile: null, childOrgs: null })
  const me = computed(() => session.me)

  const greeting = computed(() => {
    const h = new Date().getHours()
    if (h < 6) return '凌晨好'
    if (h < 12) return '上午好'
    if (h < 14) return '中午好'
    if (h < 18) return '下午好'
    return '晚上好'
  })

  async function load(): Promise<void> {
    loading.value = true
    const tasks: Promise<unknown>[] = []
    if (can('org:read')) {
      tasks.push(
        (async () => {
          const roots = await orgApi.children(null, { handled: true }).catch(() => [])
          root.value = roots[0] ?? null
          figures.value.memberTotal = roots.reduce((sum, r) => sum + r.memberCount, 0)
          figures.value.childOrgs = root.value?.childCount ?? null
          if (root.value?.hasChildren) {
            children.value = await orgApi.children(root.value.id, { handled: true }).catch(() => [])
          }
        })(),
      )
    }
    if (can('member:read')) {
      tasks.push(
        countMembers({ status: 'Probationary' }).then((n) => (figures.value.probationary = n)),
        countMembers({ category: 'Mobile' }).then((n) => (figures.value.mobile = n)),
        tagApi
          .list()
          .then((t) => (tags.value = [...t].sort((a, b) => b.count - a.count).slice(0, 12)))
          .catch(() => undefined),
      )
      if (!can('org:read')) tasks.push(countMembers({}).then((n) => (figures.value.memberTotal = n)))
    }
    await Promise.allSettled(tasks)
    loading.value = false
  }

  void load()

  return { loading, me, greeting, root, children, tags, figures, reload: load }
}
