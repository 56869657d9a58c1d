import { download, http, type RequestOptions } from '@/shared/http'
import type { Id, Page } from '@/shared/types'
import type { BirthdayQuery, BirthdayRow, MedalAward, MedalInput, MedalQuery, MedalRow } from './types'

export const partyDateApi = {
  birthdays: (query: BirthdayQuery, options?: RequestOptions) => http.get<Page<BirthdayRow>>('/orglife/birthdays', { ...options, query }),
  /** Downloads the .xlsx (a plain GET the browser saves). */
  exportBirthdays: (query: Omit<BirthdayQuery, 'page' | 'pageSize'>) => download('/orglife/birthdays/export', query),
  medals: (query: MedalQuery, options?: RequestOptions) => http.get<Page<MedalRow>>('/orglife/medals', { ...options, query }),
  exportMedals: (query: Omit<MedalQuery, 'page' | 'pageSize'>) => download('/orglife/medals/export', query),
  award: (input: MedalInput, options?: RequestOptions) => http.post<MedalAward>('/orglife/medals', input, options),
  withdraw: (awardId: Id, options?: RequestOptions) => http.delete(`/orglife/medals/${encodeURIComponent(awardId)}`, options),
}
