/** 走访慰问 of a year: the list (both sides'), the year's totals, and the record/edit dialog. */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { mobileStatsApi } from './api'
import type { VisitKind, VisitRow } from './types'

export interface VisitFormModel {
  memberId: string | null
  kind: VisitKind
  visitedOn: string | null
  visitors: string
  notes: string
  problems: string
  problemsRaised: number
  problemsSolved: number
}

export function useVisits() {
  const thisYear = new Date().getFullYear()
  const list = usePagedList<VisitRow, { orgId: string; year: string }>({
    filters: { orgId: '', year: String(thisYear) },
    accept: { year: (v) => /^\d{4}$/.test(v) },
    fetch: (p) => mobileStatsApi.visits({ orgId: p.orgId || undefined, year: Number(p.year) || thisYear, page: p.page, pageSize: p.pageSize }),
  })
  const yearModel = computed({ get: () => Number(list.filters.year) || thisYear, set: (y: number) => void list.setFilter('year', String(y)) })
  const canWrite = computed(() => can('mobile:write'))

  const open = ref(false)
  const editing = shallowRef<VisitRow | null>(null)
  const model = reactive<VisitFormModel>({ memberId: null, kind: 'Routine', visitedOn: today(), visitors: '', notes: '', problems: '', problemsRaised: 0, problemsSolved: 0 })
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(['memberId', 'kind', 'visitedOn', 'visitors', 'notes', 'problems', 'problemsRaised', 'problemsSolved'] as const)
  const rules: FormRules<VisitFormModel> = {
    memberId: [{ required: true, message: '请选择走访的流动党员', trigger: 'change' }],
    visitedOn: [{ required: true, message: '请选择走访日期', trigger: 'change' }],
    visitors: [{ required: true, message: '请填写走访人', trigger: 'blur' }],
    problems: [{ validator: (_r, v: string, cb) => (model.problemsRaised > 0 && !v.trim() ? cb(new Error('请简述反映的问题')) : cb()), trigger: 'blur' }],
    problemsSolved: [{ validator: (_r, v: number, cb) => (v > model.problemsRaised ? cb(new Error('解决问题数不能多于反映问题数')) : cb()), trigger: 'change' }],
  }

  function openNew(): void {
    editing.value = null
    Object.assign(model, { memberId: null, kind: 'Routine', visitedOn: today(), visitors: '', notes: '', problems: '', problemsRaised: 0, problemsSolved: 0 } satisfies VisitFormModel)
    serverErrors.clear()
    open.value = true
  }

  function openEdit(v: VisitRow): void {
    editing.value = v
    Object.assign(model, {
      memberId: v.memberId, kind: v.kind, visitedOn: v.visitedOn, visitors: v.visitors, notes: v.notes ?? '', problems: v.problems ?? '',
      problemsRaised: v.problemsRaised, problemsSolved: v.problemsSolved,
    } satisfies VisitFormModel)
    serverErrors.clear()
    open.value = true
  }

  const save = () =>
    submit(async () => {
      const body = {
        memberId: model.memberId, kind: model.kind, visitedOn: model.visitedOn, visitors: model.visitors.trim(), notes: model.notes.trim() || null,
        problems: model.problems.trim() || null, problemsRaised: model.problemsRaised, problemsSolved: model.problemsSolved, version: editing.value?.version ?? null,
      }
      if (editing.value) await mobileStatsApi.updateVisit(editing.value.id, body, { handled: FORM_ERRORS })
      else await mobileStatsApi.recordVisit(body, { handled: FORM_ERRORS })
      ElMessage.success(editing.value ? '走访记录已修改' : '走访记录已登记')
      open.value = false
      await list.reload()
    })

  return { list, thisYear, yearModel, canWrite, open, editing, model, rules, formRef, submitting, serverErrors, openNew, openEdit, save }
}

export type VisitsPage = ReturnType<typeof useVisits>
