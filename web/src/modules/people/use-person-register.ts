import { registerQuery, usePersonList } from '@/modules/person-base/use-person-list'
import { usePersonForm } from '@/modules/person-base/use-person-form'
import { personApi } from './api'
import type { PersonDetail, PersonFilters, PersonFormModel, PersonInput, PersonQuery, PersonRow } from './types'

/** 居民管理: the shared register list and form, configured for /people. */
export function usePersonRegister() {
  const register = usePersonList<PersonRow, PersonFilters, PersonQuery>({
    api: personApi,
    filters: { orgId: '', tag: '', name: '' },
    toQuery: registerQuery,
    noun: '居民',
    writePermission: 'person:write',
    // the contract names no person:reveal permission; reveal of a resident is audited the same way
    revealPermission: 'member:reveal',
  })

  const form = usePersonForm<PersonFormModel, PersonDetail, PersonInput, 'regionId'>({
    api: personApi,
    noun: '居民',
    emptyExtra: () => ({ regionId: null }),
    extraFromDetail: (d) => ({ regionId: d.regionId ?? null }),
    toInput: (base, m) => ({ ...base, regionId: m.regionId }),
    extraFields: ['regionId'],
    phoneRequired: false,
    onSaved: () => void register.afterSave(),
  })

  function openCreate(): void {
    form.openCreate(register.list.filters.orgId ? { orgId: register.list.filters.orgId } : {})
  }

  return { ...register, form, openCreate }
}

export type PersonRegisterForm = ReturnType<typeof usePersonRegister>['form']
