/** 新建/编辑培训班: the form model, client rules and the save request (server field errors under the fields). */
import { reactive, ref } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { session } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { devApi } from './api'
import type { TrainingDetail, TrainingKind } from './types'

export interface TrainingFormModel {
  orgId: string | null
  name: string
  kind: TrainingKind
  startDate: string | null
  endDate: string | null
  hours: number | null
  organizer: string
  completionPercent: number
}

export function useTrainingForm(saved: (detail: TrainingDetail) => void | Promise<void>) {
  const open = ref(false)
  const editing = ref<TrainingDetail | null>(null)
  const blank = (): TrainingFormModel => ({
    orgId: session.me?.orgId ?? null, name: '', kind: 'OnDuty', startDate: today(), endDate: today(), hours: 8, organizer: '', completionPercent: 80,
  })
  const model = reactive<TrainingFormModel>(blank())
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(
    ['orgId', 'name', 'kind', 'startDate', 'endDate', 'hours', 'organizer', 'completionPercent'] as const,
  )
  const rules: FormRules<TrainingFormModel> = {
    orgId: [{ required: true, message: '请选择举办单位', trigger: 'change' }],
    name: [{ required: true, message: '请填写培训班名称', trigger: 'blur' }],
    kind: [{ required: true, message: '请选择培训类型', trigger: 'change' }],
    startDate: [{ required: true, message: '请填写开始日期', trigger: 'change' }],
    endDate: [
      { required: true, message: '请填写结束日期', trigger: 'change' },
      { validator: (_r, v: string | null, cb) => (v && model.startDate && v < model.startDate ? cb(new Error('结束日期不能早于开始日期')) : cb()), trigger: 'change' },
    ],
    hours: [{ required: true, message: '请填写学时', trigger: 'blur' }],
    organizer: [{ required: true, message: '请填写主办单位', trigger: 'blur' }],
  }

  function openNew(): void {
    editing.value = null
    Object.assign(model, blank())
    serverErrors.clear()
    open.value = true
  }

  function openEdit(d: TrainingDetail): void {
    editing.value = d
    const c = d.class
    Object.assign(model, {
      orgId: c.orgId, name: c.name, kind: c.kind, startDate: c.startDate, endDate: c.endDate, hours: c.hours, organizer: c.organizer,
      completionPercent: c.completionPercent,
    })
    serverErrors.clear()
    open.value = true
  }

  const save = () =>
    submit(async () => {
      const input = {
        orgId: model.orgId, name: model.name.trim(), kind: model.kind, startDate: model.startDate, endDate: model.endDate, hours: model.hours,
        organizer: model.organizer.trim(), completionPercent: model.completionPercent, version: editing.value?.version ?? null,
      }
      const d = editing.value
        ? await devApi.updateTraining(editing.value.class.id, input, { handled: FORM_ERRORS })
        : await devApi.createTraining(input, { handled: FORM_ERRORS })
      ElMessage.success(editing.value ? '培训班已保存' : '培训班已创建，请添加课次和参训人员')
      open.value = false
      await saved(d)
    })

  return { open, editing, model, rules, formRef, submitting, serverErrors, openNew, openEdit, save }
}
