import { createRecordApi } from '@/modules/person-base/api'
import type { PersonDetail, PersonInput, PersonQuery, PersonRow } from './types'

export const personApi = createRecordApi<PersonRow, PersonDetail, PersonInput, PersonQuery>('/people')
