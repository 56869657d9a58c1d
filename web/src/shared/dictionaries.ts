/** `GET /meta/dictionaries`, loaded once and shared (enum value → Chinese label). */
import { computed, shallowRef } from 'vue'
import { http } from './http'
import type { DictItem, Dictionaries, DictionaryName } from './types'

const EMPTY: Dictionaries = {
  orgKinds: [],
  genders: [],
  memberStatuses: [],
  memberCategories: [],
  educations: [],
  regionLevels: [],
}

const dictionaries = shallowRef<Dictionaries>(EMPTY)
let loading: Promise<Dictionaries> | null = null
let loaded = false

export function loadDictionaries(): Promise<Dictionaries> {
  if (loaded) return Promise.resolve(dictionaries.value)
  loading ??= http
    .get<Dictionaries>('/meta/dictionaries')
    .then((d) => {
      dictionaries.value = { ...EMPTY, ...d }
      loaded = true
      return dictionaries.value
    })
    .finally(() => {
      loading = null
    })
  return loading
}

export function dictLabel(name: DictionaryName, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  const list: readonly DictItem[] = dictionaries.value[name]
  return list.find((item) => item.value === value)?.label ?? value
}

export function useDictionaries() {
  void loadDictionaries().catch(() => undefined)
  return {
    dicts: computed(() => dictionaries.value),
    options: (name: DictionaryName) => computed<readonly DictItem[]>(() => dictionaries.value[name]),
    label: dictLabel,
  }
}
