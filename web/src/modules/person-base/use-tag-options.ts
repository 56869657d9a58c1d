import { computed, shallowRef } from 'vue'
import type { TagCount } from '@/shared/types'
import { tagApi } from './api'

const tags = shallowRef<TagCount[]>([])
let loading: Promise<void> | null = null

/** Tags in the user's scope (`GET /tags`), shared by filters and forms. */
export function useTagOptions() {
  function refresh(): Promise<void> {
    loading ??= tagApi
      .list()
      .then((t) => {
        tags.value = [...t].sort((a, b) => b.count - a.count)
      })
      .catch(() => undefined)
      .finally(() => {
        loading = null
      })
    return loading
  }
  if (tags.value.length === 0) void refresh()
  return { tags: computed(() => tags.value), refresh }
}
