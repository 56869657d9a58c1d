import { useDictionaries } from '@/shared/dictionaries'
import { usePersonList } from '@/modules/person-base/use-person-list'
import type { SortMap } from '@/shared/use-paged-list'
import { memberApi } from './api'
import type { MemberFilters, MemberRow } from './types'

/** Table column → server `sort` keys (docs/api.md: org, -org, name, -name, joinedOn, -joinedOn). */
const SORT_MAP: SortMap = {
  orgName: { asc: 'org', desc: '-org' },
  name: { asc: 'name', desc: '-name' },
  joinedOn: { asc: 'joinedOn', desc: '-joinedOn' },
}

export function useMemberList() {
  const register = usePersonList<MemberRow, MemberFilters>({
    api: memberApi,
    filters: { orgId: '', category: '', status: '', tag: '', name: '' },
    sortMap: SORT_MAP,
    defaultSort: 'org',
    noun: '党员',
    writePermission: 'member:write',
    revealPermission: 'member:reveal',
  })
  const { options } = useDictionaries()
  return {
    ...register,
    categories: options('memberCategories'),
    statuses: options('memberStatuses'),
  }
}
