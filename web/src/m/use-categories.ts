/** The two-level event category tree (`GET /grid/categories`, a resident's `/resident/categories`), loaded once per visit. */
import { computed, ref } from 'vue'
import { phoneApi, type PhoneApi } from './api'
import type { CategoryRow } from './types'

export interface CategoryOption {
  id: string
  name: string
  children: CategoryOption[]
}

/** Per endpoint set (a grid worker and a resident may take turns on one phone). */
const cached = new Map<PhoneApi, Promise<CategoryRow[]>>()

function fetchCategories(): Promise<CategoryRow[]> {
  const api = phoneApi()
  let rows = cached.get(api)
  if (!rows) {
    rows = api.categories().catch((e: unknown) => {
      cached.delete(api)
      throw e
    })
    cached.set(api, rows)
  }
  return rows
}

const bySort = (a: CategoryRow, b: CategoryRow) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN')

export function useCategories() {
  const rows = ref<CategoryRow[]>([])
  const loading = ref(false)
  const failed = ref(false)

  /** Top categories with their (active) sub-categories; a reporter picks a leaf. */
  const tree = computed<CategoryOption[]>(() => {
    const active = rows.value.filter((c) => c.isActive).sort(bySort)
    return active
      .filter((c) => !c.parentId)
      .map((top) => ({
        id: top.id,
        name: top.name,
        children: active.filter((c) => c.parentId === top.id).map((c) => ({ id: c.id, name: c.name, children: [] })),
      }))
  })

  /** `环境卫生 / 乱堆乱放` for a category id. */
  function pathText(id: string): string {
    const row = rows.value.find((c) => c.id === id)
    if (!row) return ''
    const parent = row.parentId ? rows.value.find((c) => c.id === row.parentId) : undefined
    return parent ? `${parent.name} / ${row.name}` : row.name
  }

  /** The ids from the top down to `id` (for the picker's selection). */
  function pathIds(id: string): string[] {
    const row = rows.value.find((c) => c.id === id)
    if (!row) return []
    return row.parentId ? [row.parentId, row.id] : [row.id]
  }

  async function load(): Promise<void> {
    loading.value = true
    failed.value = false
    try {
      rows.value = await fetchCategories()
    } catch {
      failed.value = true
    } finally {
      loading.value = false
    }
  }

  void load()
  return { rows, tree, loading, failed, load, pathText, pathIds }
}
