/** 光荣在党50年: eligible members (party age ≥ 50 by 1 July), award status, 记录颁发 / 撤销 (orglife:review). */
import { computed, reactive, ref, shallowRef } from 'vue'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { oneOf } from '@/shared/api'
import { confirmAction } from '@/shared/confirm'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { partyDateApi } from './api'
import { MEDAL_FILTERS, type MedalFilters, type MedalFormModel, type MedalRow } from './types'

export const MEDAL_FILTER_LABELS: Record<(typeof MEDAL_FILTERS)[number], string> = {
  All: '全部',
  NotAwarded: '未颁发',
  Awarded: '已颁发',
  NewThisYear: '今年新满50年',
}

export function useMedals() {
  const thisYear = new Date().getFullYear()
  const list = usePagedList<MedalRow, MedalFilters>({
    filters: { orgId: '', year: String(thisYear), filter: 'All' },
    accept: {
      year: (v) => /^\d{4}$/.test(v) && Number(v) >= 1971 && Number(v) <= 2100,
      filter: (v) => oneOf(MEDAL_FILTERS, v) !== undefined,
    },
    fetch: (p) =>
      partyDateApi.medals({
        orgId: p.orgId || undefined,
        year: Number(p.year) || undefined,
        filter: oneOf(MEDAL_FILTERS, p.filter),
        page: p.page,
        pageSize: p.pageSize,
      }),
  })
  const canReview = computed(() => can('orglife:review'))
  const year = computed(() => Number(list.applied.value.year) || thisYear)

  function exportExcel(): void {
    const a = list.applied.value
    partyDateApi.exportMedals({ orgId: a.orgId || undefined, year: year.value, filter: oneOf(MEDAL_FILTERS, a.filter) })
  }

  // --- 记录颁发 ----------------------------------------------------------------------------------
  const open = ref(false)
  const target = shallowRef<MedalRow | null>(null)
  const model = reactive<MedalFormModel>({ year: thisYear, awardedOn: today(), note: '' })
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(['year', 'awardedOn', 'note', 'memberId'] as const)
  const rules: FormRules<MedalFormModel> = {
    year: [{ required: true, message: '请选择颁发年度', trigger: 'change' }],
    awardedOn: [
      { required: true, message: '请选择颁发日期', trigger: 'change' },
      {
        validator: (_r, v: string | null, cb) => (v && v > today() ? cb(new Error('颁发日期不能晚于今天')) : cb()),
        trigger: 'change',
      },
    ],
    note: [{ max: 200, message: '备注不能超过200个字', trigger: 'change' }],
  }

  function openAward(row: MedalRow): void {
    target.value = row
    Object.assign(model, { year: Math.min(year.value, thisYear), awardedOn: today(), note: '' } satisfies MedalFormModel)
    serverErrors.clear()
    formRef.value?.clearValidate()
    open.value = true
  }

  const saveAward = () =>
    submit(async () => {
      const row = target.value
      if (!row) return
      await partyDateApi.award(
        { memberId: row.memberId, year: model.year, awardedOn: model.awardedOn, note: model.note.trim() || null },
        { handled: FORM_ERRORS },
      )
      ElMessage.success(`已记录为${row.name}颁发“光荣在党50年”纪念章`)
      open.value = false
      await list.reload()
    })

  async function withdraw(row: MedalRow): Promise<void> {
    if (!row.awardId) return
    const ok = await confirmAction(
      '撤销颁发记录',
      `确定撤销${row.name}的“光荣在党50年”纪念章颁发记录（${row.awardedOn ?? ''}）吗？撤销后该党员将显示为未颁发。`,
      '撤销',
    )
    if (!ok) return
    try {
      await partyDateApi.withdraw(row.awardId)
      ElMessage.success('已撤销颁发记录')
      await list.reload()
    } catch {
      // shown by the http client
    }
  }

  return {
    list,
    year,
    thisYear,
    canReview,
    exportExcel,
    withdraw,
    award: { open, target, model, rules, formRef, submitting, serverErrors, openAward, save: saveAward },
  }
}

export type MedalsPage = ReturnType<typeof useMedals>
