import type { QueryOf } from '@/shared/api'
import { http, type RequestOptions } from '@/shared/http'
import type { Id } from '@/shared/types'
import type { RegionInput, RegionNode, RegionRenameInput } from './types'

export const regionApi = {
  /** Roots when `parentId` is omitted. */
  children: (parentId?: Id | null, options?: RequestOptions) =>
    http.get<RegionNode[]>('/regions/children', {
      ...options,
      query: { parentId: parentId ?? undefined } satisfies QueryOf<'/api/v1/regions/children'>,
    }),
  create: (input: RegionInput, options?: RequestOptions) => http.post<RegionNode>('/regions', input, options),
  rename: (id: Id, input: RegionRenameInput, options?: RequestOptions) =>
    http.put<RegionNode>(`/regions/${encodeURIComponent(id)}`, input, options),
}
