/**
 * State of the organization tree (lazy el-tree) and its search box. The tree panel owns the el-tree;
 * this composable drives it: load children, reveal an org found by search (expanding its ancestors),
 * and refresh nodes after the page changed something.
 */
import { nextTick, ref, shallowRef } from 'vue'
import type { RenderContentContext, TreeInstance } from 'element-plus'
import { orgApi } from './api'
import type { OrgNode, OrgSearchHit } from './types'

type TreeNode = RenderContentContext['node']

function waitUntilLoaded(node: TreeNode, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now()
    const tick = (): void => {
      if (!node.loading || Date.now() - started > timeoutMs) resolve()
      else setTimeout(tick, 40)
    }
    tick()
  })
}

async function expandNode(node: TreeNode): Promise<void> {
  if (node.loading) await waitUntilLoaded(node)
  await new Promise<void>((resolve) => {
    let done = false
    const finish = (): void => {
      if (!done) {
        done = true
        resolve()
      }
    }
    node.expand(finish, true)
    // a load that fails never calls back
    setTimeout(finish, 8000)
  })
}

export function useOrgTree() {
  const treeRef = ref<TreeInstance>()
  /** Bumped to re-create the tree (root level changed). */
  const treeKey = ref(0)
  const roots = shallowRef<OrgNode[]>([])
  const empty = ref(false)
  let rootsReady: Promise<void> = Promise.resolve()
  let markRootsReady: () => void = () => undefined

  function resetRootsPromise(): void {
    rootsReady = new Promise<void>((resolve) => {
      markRootsReady = resolve
    })
  }
  resetRootsPromise()

  async function load(node: TreeNode, resolve: (data: OrgNode[]) => void, reject: () => void): Promise<void> {
    const isRoot = node.level === 0
    try {
      const data = node.data as OrgNode
      const items = await orgApi.children(isRoot ? null : data.id)
      resolve(items)
      if (isRoot) {
        roots.value = items
        empty.value = items.length === 0
        // open the user's own organization right away
        const first = items[0]
        if (first?.hasChildren) void nextTick(() => nodeOf(first.id)?.expand())
      } else if (data.childCount !== items.length) {
        data.childCount = items.length
        data.hasChildren = items.length > 0
      }
    } catch {
      reject()
    } finally {
      if (isRoot) markRootsReady()
    }
  }

  function nodeOf(id: string): TreeNode | null {
    return (treeRef.value?.getNode(id) as TreeNode | undefined) ?? null
  }

  function scrollToCurrent(): void {
    void nextTick(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="org-tree"] .el-tree-node.is-current > .el-tree-node__content')
      el?.scrollIntoView({ block: 'nearest' })
    })
  }

  /** Expands `ancestorIds` (root → parent) one by one, then makes `id` the current node. */
  async function reveal(id: string, ancestorIds: readonly string[]): Promise<boolean> {
    await rootsReady
    for (const ancestorId of ancestorIds) {
      const node = nodeOf(ancestorId)
      if (!node) continue // outside the loaded tree (should not happen within scope)
      await expandNode(node)
    }
    if (!nodeOf(id)) return false
    treeRef.value?.setCurrentKey(id)
    scrollToCurrent()
    return true
  }

  /** Reloads the children of `parentId` (null = the root level). */
  async function reloadChildren(parentId: string | null): Promise<void> {
    if (parentId === null) {
      resetRootsPromise()
      treeKey.value++
      await rootsReady
      return
    }
    const node = nodeOf(parentId)
    if (!node) return
    for (const child of [...node.childNodes]) node.removeChild(child)
    node.loaded = false
    node.isLeafByUser = false
    node.isLeaf = false
    ;(node.data as OrgNode).hasChildren = true
    await expandNode(node)
  }

  /** Updates the data shown on a node after an edit. */
  function patchNode(org: Partial<OrgNode> & Pick<OrgNode, 'id'>): void {
    const node = nodeOf(org.id)
    if (node) Object.assign(node.data as OrgNode, org)
  }

  function setCurrent(id: string | null): void {
    treeRef.value?.setCurrentKey(id ?? undefined)
  }

  // --- search ------------------------------------------------------------------------------------
  const query = ref('')

  async function fetchSuggestions(q: string, cb: (hits: OrgSearchHit[]) => void): Promise<void> {
    const text = q.trim()
    if (!text) return cb([])
    try {
      cb(await orgApi.search(text, 20))
    } catch {
      cb([])
    }
  }

  return {
    treeRef,
    treeKey,
    roots,
    empty,
    load,
    reveal,
    reloadChildren,
    patchNode,
    setCurrent,
    nodeOf,
    query,
    fetchSuggestions,
    whenRootsReady: () => rootsReady,
  }
}
