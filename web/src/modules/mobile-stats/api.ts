import { download, http, type RequestOptions } from '@/shared/http'
import type { Page } from '@/shared/api'
import type { Id } from '@/shared/types'
import type {
  FourClearItem,
  FourClearRow,
  FourClearSummary,
  MissingReportRow,
  MobileSettingsView,
  MobileYearReport,
  NoContactRow,
  SuggestionArea,
  SuggestionRow,
  SuggestionStatus,
  VisitInput,
  VisitRow,
} from './types'

interface Paging { page?: number; pageSize?: number }
type YearQuery = { orgId?: string; year?: number; memberId?: string } & Paging

export const mobileStatsApi = {
  fourClear: (orgId?: string) => http.get<FourClearSummary>('/mobile/four-clear', { query: { orgId } }),
  fourClearMembers: (query: { orgId?: string; failing?: FourClearItem; score?: number } & Paging) =>
    http.get<Page<FourClearRow>>('/mobile/four-clear/members', { query: { ...query } }),
  report: (orgId: string | undefined, year: number) => http.get<MobileYearReport>('/mobile/report', { query: { orgId, year } }),
  exportReport: (orgId: string | undefined, year: number) => download('/mobile/report/export', { orgId, year }),
  noContact: (query: { orgId?: string; days?: number } & Paging, options?: RequestOptions) =>
    http.get<Page<NoContactRow>>('/mobile/no-contact', { ...options, query: { ...query } }),
  missingReports: (query: { orgId?: string } & Paging) => http.get<Page<MissingReportRow>>('/mobile/missing-reports', { query: { ...query } }),
  visits: (query: YearQuery) => http.get<Page<VisitRow>>('/mobile/visits', { query: { ...query } }),
  recordVisit: (input: VisitInput, options?: RequestOptions) => http.post<VisitRow>('/mobile/visits', input, options),
  updateVisit: (id: Id, input: VisitInput, options?: RequestOptions) => http.put<VisitRow>(`/mobile/visits/${encodeURIComponent(id)}`, input, options),
  suggestions: (query: YearQuery) => http.get<Page<SuggestionRow>>('/mobile/suggestions', { query: { ...query } }),
  fileSuggestion: (input: { memberId: string | null; filedOn: string | null; area: SuggestionArea | null; title: string; content: string }, options?: RequestOptions) =>
    http.post<SuggestionRow>('/mobile/suggestions', input, options),
  respond: (id: Id, input: { status: SuggestionStatus | null; response: string | null; version: string }, options?: RequestOptions) =>
    http.put<SuggestionRow>(`/mobile/suggestions/${encodeURIComponent(id)}`, input, options),
  settings: () => http.get<MobileSettingsView>('/mobile/settings'),
}
