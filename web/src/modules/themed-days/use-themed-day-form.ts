/**
 * 记录 / 编辑 a branch's themed day for one month of one plan. After the first save the dialog stays open
 * (now editing the new record) so the clerk can add the photos.
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { pad, today } from '@/shared/format'
import { monthBounds, toMonth } from '@/shared/month'
import { useFormSubmit } from '@/shared/use-form-submit'
import type { Id } from '@/shared/types'
import { themedDayApi } from './api'
import type { AttachmentRow, BranchMonth, BranchPlan, ThemedDayFormModel, ThemedDayInput, ThemedDayRecord } from './types'

export interface ThemedDayTarget {
  orgId: Id
  orgName: string
  year: number
  plan: BranchPlan
  month: BranchMonth
}

/** First and last day of the record's month. */
function monthRange(year: number, month: number): { from: string; to: string } {
  return monthBounds(toMonth(year, month))
}

function emptyModel(): ThemedDayFormModel {
  return { heldOn: null, place: '', summary: '', attendeeCount: undefined, partsDone: [] }
}

export function useThemedDayForm(onSaved: (record: ThemedDayRecord) => void) {
  const open = ref(false)
  const target = shallowRef<ThemedDayTarget | null>(null)
  const record = shallowRef<ThemedDayRecord | null>(null)
  const justCreated = ref(false)
  const model = reactive<ThemedDayFormModel>(emptyModel())
  const attachments = ref<AttachmentRow[]>([])
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(
    ['heldOn', 'place', 'summary', 'attendeeCount', 'partsDone'] as const,
    // errors about the record's identity belong to no field of this form
    {},
  )

  const range = computed(() => (target.value ? monthRange(target.value.year, target.value.month.month) : null))
  const requiredParts = computed(() => target.value?.plan.requiredParts ?? [])
  const missingParts = computed(() => requiredParts.value.filter((p) => !model.partsDone.includes(p)))
  const title = computed(() => {
    const t = target.value
    if (!t) return ''
    return `${record.value ? '编辑' : '记录'}${t.year}年${t.month.month}月主题党日`
  })

  /** A day the picker offers: within the record's month, not after today. */
  function disabledDate(d: Date): boolean {
    const r = range.value
    if (!r) return false
    const s = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
    return s < r.from || s > r.to || s > today()
  }

  const rules = computed<FormRules<ThemedDayFormModel>>(() => ({
    heldOn: [
      { required: true, message: '请选择活动日期', trigger: 'change' },
      {
        validator: (_r, value: string | null, cb) => {
          const r = range.value
          if (!value || !r || !target.value) return cb()
          if (value < r.from || value > r.to) return cb(new Error(`活动日期应在${target.value.year}年${target.value.month.month}月内`))
          if (value > today()) return cb(new Error('活动日期不能晚于今天'))
          cb()
        },
        trigger: 'change',
      },
    ],
    place: [
      { required: true, message: '请填写活动地点', trigger: 'change' },
      { max: 100, message: '活动地点不能超过100个字', trigger: 'change' },
    ],
    attendeeCount: [
      { required: true, message: '请填写参加人数', trigger: 'change' },
      { type: 'number', min: 1, max: 10000, message: '参加人数应为1至10000', trigger: 'change' },
    ],
    summary: [
      { required: true, message: '请填写活动内容', trigger: 'change' },
      { max: 5000, message: '活动内容不能超过5000个字', trigger: 'change' },
    ],
  }))

  function fill(r: ThemedDayRecord): void {
    record.value = r
    Object.assign(model, {
      heldOn: r.heldOn,
      place: r.place,
      summary: r.summary,
      attendeeCount: r.attendeeCount,
      partsDone: [...r.partsDone],
    } satisfies ThemedDayFormModel)
    attachments.value = [...r.attachments]
  }

  function openFor(t: ThemedDayTarget): void {
    target.value = t
    justCreated.value = false
    serverErrors.clear()
    formRef.value?.clearValidate()
    if (t.month.record) {
      fill(t.month.record)
    } else {
      record.value = null
      Object.assign(model, emptyModel())
      attachments.value = []
      const r = monthRange(t.year, t.month.month)
      // this month's day is usually today
      if (today() >= r.from && today() <= r.to) model.heldOn = today()
    }
    open.value = true
  }

  function toInput(): ThemedDayInput {
    const t = target.value
    return {
      planId: t?.plan.planId,
      month: t?.month.month,
      orgId: t?.orgId,
      heldOn: model.heldOn,
      place: model.place.trim(),
      summary: model.summary.trim(),
      attendeeCount: model.attendeeCount ?? null,
      partsDone: requiredParts.value.filter((p) => model.partsDone.includes(p)),
      version: record.value?.version ?? null,
    }
  }

  const save = () =>
    submit(async () => {
      const current = record.value
      const saved = current
        ? await themedDayApi.update(current.id, toInput(), { handled: FORM_ERRORS })
        : await themedDayApi.create(toInput(), { handled: FORM_ERRORS })
      if (current) {
        ElMessage.success('已保存')
        open.value = false
      } else {
        justCreated.value = true
        ElMessage.success('已记录，可继续上传活动照片')
      }
      fill(saved)
      onSaved(saved)
    })

  /** Photos changed: the record on the page should show the new count. */
  function onAttachments(list: AttachmentRow[]): void {
    attachments.value = list
    if (record.value) {
      record.value = { ...record.value, attachments: list }
      onSaved(record.value)
    }
  }

  return {
    open,
    target,
    record,
    justCreated,
    model,
    attachments,
    range,
    requiredParts,
    missingParts,
    title,
    rules,
    disabledDate,
    formRef,
    submitting,
    serverErrors,
    openFor,
    save,
    onAttachments,
  }
}

export type ThemedDayForm = ReturnType<typeof useThemedDayForm>
