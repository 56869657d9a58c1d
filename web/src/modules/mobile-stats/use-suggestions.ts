/** 建言献策 of a year: the list (both sides'), filing a suggestion for a mobile member, and recording what became of it. */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { mobileStatsApi } from './api'
import type { SuggestionArea, SuggestionRow, SuggestionStatus } from './types'

export interface SuggestionFormModel {
  memberId: string | null
  filedOn: string | null
  area: SuggestionArea
  title: string
  content: string
  status: SuggestionStatus
  response: string
}

export function useSuggestions() {
  const thisYear = new Date().getFullYear()
  const list = usePagedList<SuggestionRow, { orgId: string; year: string }>({
    filters: { orgId: '', year: String(thisYear) },
    accept: { year: (v) => /^\d{4}$/.test(v) },
    fetch: (p) => mobileStatsApi.suggestions({ orgId: p.orgId || undefined, year: Number(p.year) || thisYear, page: p.page, pageSize: p.pageSize }),
  })
  const yearModel = computed({ get: () => Number(list.filters.year) || thisYear, set: (y: number) => void list.setFilter('year', String(y)) })
  const canWrite = computed(() => can('mobile:write'))

  const open = ref(false)
  /** null: filing a new one; a row: recording its handling (办理). */
  const responding = shallowRef<SuggestionRow | null>(null)
  const model = reactive<SuggestionFormModel>({ memberId: null, filedOn: today(), area: 'Economy', title: '', content: '', status: 'Adopted', response: '' })
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(['memberId', 'filedOn', 'area', 'title', 'content', 'status', 'response'] as const)
  const rules = computed<FormRules<SuggestionFormModel>>(() =>
    responding.value
      ? { status: [{ required: true, message: '请选择办理状态', trigger: 'change' }] }
      : {
          memberId: [{ required: true, message: '请选择提出建议的流动党员', trigger: 'change' }],
          title: [{ required: true, message: '请填写建议标题', trigger: 'blur' }],
          content: [{ required: true, message: '请填写建议内容', trigger: 'blur' }],
        },
  )

  function openNew(): void {
    responding.value = null
    Object.assign(model, { memberId: null, filedOn: today(), area: 'Economy', title: '', content: '', status: 'Adopted', response: '' } satisfies SuggestionFormModel)
    serverErrors.clear()
    open.value = true
  }

  function openRespond(row: SuggestionRow): void {
    responding.value = row
    model.status = row.status === 'Received' ? 'Adopted' : row.status
    model.response = row.response ?? ''
    serverErrors.clear()
    open.value = true
  }

  const save = () =>
    submit(async () => {
      const row = responding.value
      if (row) await mobileStatsApi.respond(row.id, { status: model.status, response: model.response.trim() || null, version: row.version }, { handled: FORM_ERRORS })
      else
        await mobileStatsApi.fileSuggestion(
          { memberId: model.memberId, filedOn: model.filedOn, area: model.area, title: model.title.trim(), content: model.content.trim() },
          { handled: FORM_ERRORS },
        )
      ElMessage.success(row ? '办理情况已保存' : '建议已登记')
      open.value = false
      await list.reload()
    })

  return { list, thisYear, yearModel, canWrite, open, responding, model, rules, formRef, submitting, serverErrors, openNew, openRespond, save }
}
