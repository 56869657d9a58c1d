/** 矛盾纠纷调解 of a year: the list, the year's figures (调解成功率) and the 登记纠纷 dialog. */
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { oneOf } from '@/shared/api'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can, session } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { gridCasesApi, gridSettings } from './api'
import { MEDIATION_OUTCOMES, type MediationFigures, type MediationRow } from './types'

export interface MediationFormModel {
  orgId: string | null
  title: string
  parties: string[]
  mediator: string
  mediatorTeam: string
  acceptedOn: string | null
}

export const MIN_PARTIES = 2
export const MAX_PARTIES = 20

export function useMediations() {
  const thisYear = new Date().getFullYear()
  const list = usePagedList<MediationRow, { orgId: string; year: string; outcome: string }>({
    filters: { orgId: '', year: String(thisYear), outcome: '' },
    accept: { year: (v) => /^\d{4}$/.test(v), outcome: (v) => !!oneOf(MEDIATION_OUTCOMES, v) },
    fetch: (p) =>
      gridCasesApi.mediations({
        orgId: p.orgId || undefined,
        year: Number(p.year) || thisYear,
        outcome: oneOf(MEDIATION_OUTCOMES, p.outcome),
        page: p.page,
        pageSize: p.pageSize,
      }),
  })
  const yearModel = computed({ get: () => Number(list.filters.year) || thisYear, set: (y: number) => void list.setFilter('year', String(y)) })
  const canWrite = computed(() => can('grid:write'))

  // --- the year's figures (same organization and year as the list; the outcome filter does not apply) ----------
  const figures = shallowRef<MediationFigures | null>(null)
  const figuresLoading = ref(false)
  const rateDecimals = ref<number | null>(null)
  let figuresSeq = 0

  async function loadFigures(): Promise<void> {
    const seq = ++figuresSeq
    const { orgId, year } = list.applied.value
    figuresLoading.value = true
    try {
      const f = await gridCasesApi.mediationFigures(orgId || undefined, Number(year) || thisYear)
      if (seq === figuresSeq) figures.value = f
    } catch {
      if (seq === figuresSeq) figures.value = null
    } finally {
      if (seq === figuresSeq) figuresLoading.value = false
    }
  }
  watch(
    () => [list.applied.value.orgId, list.applied.value.year],
    () => void loadFigures(),
    { immediate: true },
  )
  void gridSettings().then((s) => (rateDecimals.value = s?.rateDecimals ?? null))

  /** 66.67% — with the configured number of decimals (the server has already rounded or cut it). */
  const successRate = computed(() => {
    const rate = figures.value?.successRate
    if (rate === null || rate === undefined) return null
    return rateDecimals.value === null ? String(rate) : rate.toFixed(rateDecimals.value)
  })

  async function refresh(): Promise<void> {
    await Promise.all([list.reload(), loadFigures()])
  }

  // --- 登记纠纷 -------------------------------------------------------------------------------------------------
  const open = ref(false)
  const blank = (): MediationFormModel => ({ orgId: session.me?.orgId ?? null, title: '', parties: ['', ''], mediator: '', mediatorTeam: '', acceptedOn: today() })
  const model = reactive<MediationFormModel>(blank())
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(['orgId', 'eventId', 'title', 'parties', 'mediator', 'mediatorTeam', 'acceptedOn'] as const)
  const rules: FormRules<MediationFormModel> = {
    orgId: [{ required: true, message: '请选择受理的党组织', trigger: 'change' }],
    title: [{ required: true, message: '请填写纠纷事由', trigger: 'blur' }],
    parties: [
      {
        validator: (_r, v: string[], cb) => (v.filter((p) => p.trim()).length < MIN_PARTIES ? cb(new Error('请填写至少两方当事人')) : cb()),
        trigger: 'blur',
      },
    ],
    mediator: [{ required: true, message: '请填写调解员', trigger: 'blur' }],
    acceptedOn: [
      { required: true, message: '请选择受理日期', trigger: 'change' },
      { validator: (_r, v: string | null, cb) => (v && v > today() ? cb(new Error('受理日期不能晚于今天')) : cb()), trigger: 'change' },
    ],
  }

  function openNew(): void {
    Object.assign(model, blank())
    serverErrors.clear()
    open.value = true
  }

  const save = () =>
    submit(async () => {
      await gridCasesApi.openMediation(
        {
          orgId: model.orgId,
          title: model.title.trim(),
          parties: model.parties.map((p) => p.trim()).filter(Boolean),
          mediator: model.mediator.trim(),
          mediatorTeam: model.mediatorTeam.trim() || null,
          acceptedOn: model.acceptedOn,
        },
        { handled: FORM_ERRORS },
      )
      ElMessage.success('纠纷已登记，调解中')
      open.value = false
      await refresh()
    })

  return {
    list, thisYear, yearModel, canWrite, figures, figuresLoading, successRate, refresh,
    open, model, rules, formRef, submitting, serverErrors, openNew, save,
  }
}
