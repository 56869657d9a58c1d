import { createRecordApi } from '@/modules/person-base/api'
import type { MemberDetail, MemberInput, MemberQuery, MemberRow } from './types'

export const memberApi = createRecordApi<MemberRow, MemberDetail, MemberInput, MemberQuery>('/members')
