import { useDictionaries } from '@/shared/dictionaries'
import { usePersonList } from '@/modules/person-base/use-person-list'
import type { SortMap } from '@/shared/use-paged-list'
import { memberApi } from './api'
import type { MemberFilters, MemberRow } from './types'

/** Table column → server `sort` keys (the API has no descending name / org order). */
const SORT_MAP: SortMap = {
  orgName: { asc: 'org' },
  name: { asc: 'name' },
  joinedOn: { asc: 'joinedOn', desc: '-joinedOn' },
  birthDate: { asc: 'birthDate', desc: '-birthDate' },
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
