/**
 * /orgs: selection (kept in `?id=` so a refresh comes back to the same org), details, children,
 * and the actions (新增下级组织, 编辑, 移动, 撤销) with the tree kept in step.
 */
import { computed, ref, shallowRef, useTemplateRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { ElMessage } from 'element-plus'
import { promptReason } from '@/shared/confirm'
import { can } from '@/shared/session'
import { orgApi } from './api'
import type { OrgDetail, OrgNode, OrgSearchHit } from './types'
import { useOrgForm } from './use-org-form'
import { useOrgMove } from './use-org-move'

export interface OrgTreePanelApi {
  reveal: (id: string, ancestorIds: readonly string[]) => Promise<boolean>
  reloadChildren: (parentId: string | null) => Promise<void>
  patchNode: (org: Partial<OrgNode> & Pick<OrgNode, 'id'>) => void
  setCurrent: (id: string | null) => void
  whenRootsReady: () => Promise<void>
}

export function useOrgPage() {
  const route = useRoute()
  const router = useRouter()
  const treePanel = useTemplateRef<OrgTreePanelApi>('treePanel')

  const selectedId = ref<string | null>(null)
  const detail = shallowRef<OrgDetail | null>(null)
  const children = shallowRef<OrgNode[]>([])
  const loading = ref(false)
  const childrenLoading = ref(false)
  const canWrite = computed(() => can('org:write'))
  const isScopeRoot = computed(() => !!detail.value && detail.value.ancestorIds.length === 0)
  let seq = 0

  async function loadDetail(id: string): Promise<OrgDetail | null> {
    const mySeq = ++seq
    loading.value = true
    try {
      const d = await orgApi.get(id)
      if (mySeq !== seq) return null
      detail.value = d
      void loadChildren(d)
      return d
    } catch {
      if (mySeq === seq) detail.value = null
      return null
    } finally {
      if (mySeq === seq) loading.value = false
    }
  }

  async function loadChildren(org: OrgDetail): Promise<void> {
    if (!org.hasChildren) {
      children.value = []
      return
    }
    childrenLoading.value = true
    try {
      children.value = await orgApi.children(org.id)
    } catch {
      children.value = []
    } finally {
      childrenLoading.value = false
    }
  }

  function setQueryId(id: string | null): void {
    if ((route.query.id ?? null) === id) return
    void router.replace({ query: { ...route.query, id: id ?? undefined } })
  }

  /** Clicked in the tree. */
  function select(id: string): void {
    if (selectedId.value === id) return
    selectedId.value = id
    setQueryId(id)
    void loadDetail(id)
  }

  /** Selects an org that may not be loaded in the tree yet (search hit, child row, URL). */
  async function goTo(id: string): Promise<void> {
    selectedId.value = id
    setQueryId(id)
    const d = await loadDetail(id)
    if (d) await treePanel.value?.reveal(d.id, d.ancestorIds)
  }

  function onPick(hit: OrgSearchHit): void {
    void goTo(hit.id)
  }

  /** First load: restore `?id=` or select the user's root organization. */
  function onRootsLoaded(roots: OrgNode[]): void {
    const wanted = typeof route.query.id === 'string' ? route.query.id : null
    if (selectedId.value) return
    if (wanted) void goTo(wanted)
    else if (roots[0]) {
      selectedId.value = roots[0].id
      treePanel.value?.setCurrent(roots[0].id)
      void loadDetail(roots[0].id)
    }
  }

  watch(
    () => route.query.id,
    (id) => {
      if (typeof id === 'string' && id !== selectedId.value && route.path === '/orgs') void goTo(id)
    },
  )

  // --- actions -----------------------------------------------------------------------------------
  const orgForm = useOrgForm(async (saved, mode) => {
    if (mode === 'create') {
      if (saved.parentId) await treePanel.value?.reloadChildren(saved.parentId)
      await goTo(saved.id)
    } else {
      treePanel.value?.patchNode(saved)
      detail.value = saved
    }
  })

  const orgMove = useOrgMove(async (moved, oldParentId) => {
    if (oldParentId) await treePanel.value?.reloadChildren(oldParentId)
    if (moved.parentId) await treePanel.value?.reloadChildren(moved.parentId)
    await goTo(moved.id)
  })

  function createChild(): void {
    if (detail.value) orgForm.openCreate({ id: detail.value.id, name: detail.value.name })
  }

  function edit(): void {
    if (detail.value) orgForm.openEdit(detail.value)
  }

  function move(): void {
    if (detail.value) orgMove.openFor(detail.value)
  }

  async function close(): Promise<void> {
    const org = detail.value
    if (!org) return
    const reason = await promptReason({
      title: '撤销党组织',
      message: `确定撤销「${org.name}」吗？只有没有在册党员和有效下级组织的党组织才能撤销。`,
      confirmText: '撤销',
    })
    if (reason === null) return
    try {
      const closed = await orgApi.close(org.id, reason)
      ElMessage.success(`已撤销「${closed.name}」`)
      detail.value = closed
      treePanel.value?.patchNode(closed)
    } catch {
      // refused (not empty …): the http client showed the server's message
    }
  }

  function viewMembers(): void {
    if (detail.value) void router.push({ path: '/members', query: { orgId: detail.value.id } })
  }

  return {
    selectedId,
    detail,
    children,
    loading,
    childrenLoading,
    canWrite,
    isScopeRoot,
    select,
    goTo,
    onPick,
    onRootsLoaded,
    orgForm,
    orgMove,
    createChild,
    edit,
    move,
    close,
    viewMembers,
  }
}
