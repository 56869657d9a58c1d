import { oneOf } from '@/shared/api'
import { useDictionaries } from '@/shared/dictionaries'
import { registerQuery, usePersonList } from '@/modules/person-base/use-person-list'
import type { SortMap } from '@/shared/use-paged-list'
import { memberApi } from './api'
import { MEMBER_CATEGORIES, MEMBER_STATUSES, type MemberFilters, type MemberQuery, type MemberRow, type MemberSort } from './types'

/** Table column → server `sort` keys (docs/api.md: org, -org, name, -name, joinedOn, -joinedOn). */
const SORT_MAP: SortMap & Record<string, { asc?: MemberSort; desc?: MemberSort }> = {
  orgName: { asc: 'org', desc: '-org' },
  name: { asc: 'name', desc: '-name' },
  joinedOn: { asc: 'joinedOn', desc: '-joinedOn' },
}

export function useMemberList() {
  const register = usePersonList<MemberRow, MemberFilters, MemberQuery>({
    api: memberApi,
    filters: { orgId: '', category: '', status: '', tag: '', name: '' },
    // a category or status the server does not know (a hand-edited URL) counts as not set
    accept: {
      category: (v) => oneOf(MEMBER_CATEGORIES, v) !== undefined,
      status: (v) => oneOf(MEMBER_STATUSES, v) !== undefined,
    },
    toQuery: (p) => ({
      ...registerQuery(p),
      category: oneOf(MEMBER_CATEGORIES, p.category),
      status: oneOf(MEMBER_STATUSES, p.status),
      sort: p.sort,
    }),
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
