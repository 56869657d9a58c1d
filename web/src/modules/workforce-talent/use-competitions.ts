/** 竞聘上岗 of a year: the list and the 登记竞聘 dialog (which also records the appointee's post change, so the pay follows it). */
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { talentApi } from './api'
import type { CompetitionRow, WorkerPost, WorkerRow } from './types'

export interface CompetitionFormModel {
  orgId: string | null
  title: string
  post: WorkerPost | ''
  heldOn: string | null
  candidates: string
  appointedWorkerId: string | null
  effectiveOn: string | null
  payPost: number | undefined
  level: number | undefined
  step: number | undefined
}

export function useCompetitions() {
  const thisYear = new Date().getFullYear()
  // The server answers a whole year (no paging).
  const list = usePagedList<CompetitionRow, { orgId: string; year: string }>({
    filters: { orgId: '', year: String(thisYear) },
    accept: { year: (v) => /^\d{4}$/.test(v) },
    fetch: async (p) => {
      const items = await talentApi.competitions(p.orgId || undefined, Number(p.year) || thisYear)
      return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) }
    },
  })
  const yearModel = computed({ get: () => Number(list.filters.year) || thisYear, set: (y: number) => void list.setFilter('year', String(y)) })
  const canWrite = computed(() => can('workforce:write'))

  // --- 登记竞聘上岗 ------------------------------------------------------------------------------------------------
  const open = ref(false)
  /** The appointee as the roster has them now (current post and grade). */
  const appointee = shallowRef<WorkerRow | null>(null)
  const blank = (): CompetitionFormModel => ({
    orgId: list.filters.orgId || null,
    title: '',
    post: '',
    heldOn: today(),
    candidates: '',
    appointedWorkerId: null,
    effectiveOn: today(),
    payPost: undefined,
    level: undefined,
    step: undefined,
  })
  const model = reactive<CompetitionFormModel>(blank())
  const form = useFormSubmit(['orgId', 'title', 'post', 'heldOn', 'candidates', 'appointedWorkerId', 'effectiveOn', 'payPost', 'level', 'step'] as const)
  const rules: FormRules<CompetitionFormModel> = {
    orgId: [{ required: true, message: '请选择组织竞聘的社区或街道', trigger: 'change' }],
    title: [{ required: true, whitespace: true, message: '请填写竞聘名称', trigger: 'blur' }],
    post: [{ required: true, message: '请选择竞聘岗位', trigger: 'change' }],
    heldOn: [{ required: true, message: '请填写竞聘日期', trigger: 'change' }],
    candidates: [{ required: true, whitespace: true, message: '请填写参与竞聘人员及成绩', trigger: 'blur' }],
    appointedWorkerId: [{ required: true, message: '请选择竞聘上岗人员', trigger: 'change' }],
    effectiveOn: [{ required: true, message: '请填写任职生效日期', trigger: 'change' }],
    payPost: [{ required: true, message: '请填写薪酬岗', trigger: 'change' }],
    level: [{ required: true, message: '请填写薪级', trigger: 'change' }],
    step: [{ required: true, message: '请填写档次', trigger: 'change' }],
  }

  function openNew(): void {
    Object.assign(model, blank())
    appointee.value = null
    form.serverErrors.clear()
    open.value = true
  }

  /** Picking the appointee prefills the grade with their current 岗/级/档 (and the organization, when none is chosen). */
  function onPickAppointee(w: WorkerRow | null): void {
    appointee.value = w
    if (!w) return
    model.payPost = w.payPost
    model.level = w.level
    model.step = w.step
    model.orgId ??= w.orgId
  }

  // The appointment usually takes effect on the day of the competition: the date follows it until the clerk sets another.
  watch(
    () => model.heldOn,
    (held, before) => {
      if (!model.effectiveOn || model.effectiveOn === before) model.effectiveOn = held
    },
  )

  const save = () =>
    form.submit(async () => {
      const saved = await talentApi.recordCompetition(
        {
          orgId: model.orgId,
          title: model.title.trim(),
          post: model.post || null,
          heldOn: model.heldOn,
          candidates: model.candidates.trim(),
          appointedWorkerId: model.appointedWorkerId,
          effectiveOn: model.effectiveOn,
          payPost: model.payPost ?? null,
          level: model.level ?? null,
          step: model.step ?? null,
        },
        { handled: FORM_ERRORS },
      )
      ElMessage.success(`已登记「${saved.title}」，${saved.appointedName}的岗位变动已记入档案`)
      open.value = false
      await list.reload()
    })

  return { list, thisYear, yearModel, canWrite, open, appointee, model, rules, form, openNew, onPickAppointee, save }
}
