/**
 * 录入 / 编辑社区工作者: the person fields (姓名, 身份证号 with birth date and gender derived, 手机号 …),
 * 社区, 政治面貌, 聘用日期 and — on creation only — 岗位 and 薪酬岗/级/档 (afterwards they change through
 * 登记岗位变动). In edit mode ID number and phone are only sent when re-typed (null keeps the stored value).
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { checkIdNumber, normalizeIdNumber } from '@/shared/id-number'
import { useFormSubmit } from '@/shared/use-form-submit'
import type { Id } from '@/shared/types'
import { workforceApi } from './api'
import type { WorkerDetail, WorkerFormModel, WorkerInput } from './types'

const FIELDS = [
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'phone',
  'address',
  'education',
  'ethnicity',
  'orgId',
  'politicalStatus',
  'hireDate',
  'post',
  'payPost',
  'level',
  'step',
  'version',
] as const

function emptyModel(): WorkerFormModel {
  return {
    name: '',
    idNumber: '',
    gender: '',
    birthDate: null,
    phone: '',
    address: '',
    education: '',
    ethnicity: '汉族',
    orgId: null,
    politicalStatus: '',
    hireDate: null,
    post: '',
    payPost: null,
    level: null,
    step: null,
  }
}

export function useWorkerForm(onSaved: (detail: WorkerDetail, mode: 'create' | 'edit') => void) {
  const open = ref(false)
  const mode = ref<'create' | 'edit'>('create')
  const model = reactive(emptyModel())
  const masks = reactive({ idNumber: '', phone: '' })
  const orgLabel = ref<string | null>(null)
  const editing = shallowRef<WorkerDetail | null>(null)
  const derivedNotice = ref('')
  const { formRef, submitting, serverErrors, submit: submitForm } = useFormSubmit(FIELDS)

  const title = computed(() => (mode.value === 'create' ? '录入社区工作者' : `编辑基本信息 · ${editing.value?.worker.name ?? ''}`))

  /** Non-blocking hint under 身份证号 (the server is the authority). */
  const idHint = computed(() => {
    const v = model.idNumber.trim()
    if (!v) return ''
    const result = checkIdNumber(v)
    return result.ok ? '' : result.reason
  })

  function onIdBlur(): void {
    const v = normalizeIdNumber(model.idNumber)
    model.idNumber = v
    derivedNotice.value = ''
    const result = checkIdNumber(v)
    if (!result.ok) return
    const changed: string[] = []
    if (model.birthDate !== result.info.birthDate) {
      model.birthDate = result.info.birthDate
      changed.push('出生日期')
    }
    if (model.gender !== result.info.gender) {
      model.gender = result.info.gender
      changed.push('性别')
    }
    if (changed.length) derivedNotice.value = `已根据身份证号填入${changed.join('和')}`
    void formRef.value?.validateField(['birthDate', 'gender']).catch(() => undefined)
  }

  const gradeRule = (label: string) => [
    { required: true, message: `请填写${label}`, trigger: 'change' },
    { type: 'integer' as const, min: 1, max: 99, message: `${label}应为1—99的整数`, trigger: 'change' },
  ]

  const rules = computed<FormRules>(() => {
    const creating = mode.value === 'create'
    return {
      name: [
        { required: true, message: '请输入姓名', trigger: 'change' },
        { max: 50, message: '姓名不超过50个字', trigger: 'change' },
      ],
      idNumber: creating ? [{ required: true, message: '请输入身份证号', trigger: 'blur' }] : [],
      gender: [{ required: true, message: '请选择性别', trigger: 'change' }],
      birthDate: [{ required: true, message: '请选择出生日期', trigger: 'change' }],
      phone: creating ? [{ required: true, message: '请输入手机号', trigger: 'blur' }] : [],
      orgId: [{ required: true, message: '请选择所在社区', trigger: 'change' }],
      politicalStatus: [{ required: true, message: '请选择政治面貌', trigger: 'change' }],
      hireDate: [{ required: true, message: '请填写聘用日期', trigger: 'change' }],
      ...(creating
        ? {
            post: [{ required: true, message: '请选择岗位', trigger: 'change' }],
            payPost: gradeRule('薪酬岗'),
            level: gradeRule('薪级'),
            step: gradeRule('档次'),
          }
        : {}),
    }
  })

  function reset(next: WorkerFormModel): void {
    Object.assign(model, next)
    masks.idNumber = ''
    masks.phone = ''
    derivedNotice.value = ''
    serverErrors.clear()
    formRef.value?.clearValidate()
  }

  /** A new worker, in `orgId` when the list is filtered to one community. */
  function openCreate(orgId: Id | null = null, orgName: string | null = null): void {
    mode.value = 'create'
    editing.value = null
    reset({ ...emptyModel(), orgId })
    orgLabel.value = orgName
    open.value = true
  }

  /** Edits the worker as the profile shows it (the profile reloads after every change, so its version is current). */
  function openEdit(d: WorkerDetail): void {
    mode.value = 'edit'
    editing.value = d
    const w = d.worker
    reset({
      name: w.name,
      idNumber: '',
      gender: w.gender,
      birthDate: d.birthDate,
      phone: '',
      address: d.address ?? '',
      education: w.education ?? '',
      ethnicity: d.ethnicity ?? '',
      orgId: w.orgId,
      politicalStatus: w.politicalStatus,
      hireDate: w.hireDate,
      post: w.post,
      payPost: w.payPost,
      level: w.level,
      step: w.step,
    })
    masks.idNumber = d.idNumberMasked
    masks.phone = w.phoneMasked ?? ''
    orgLabel.value = w.orgName
    open.value = true
  }

  function toInput(): WorkerInput {
    const edit = mode.value === 'edit'
    const idNumber = normalizeIdNumber(model.idNumber)
    const phone = model.phone.trim()
    return {
      name: model.name.trim(),
      idNumber: idNumber || (edit ? null : ''),
      gender: model.gender || undefined,
      birthDate: model.birthDate,
      phone: phone || (edit ? null : ''),
      address: model.address.trim() || null,
      education: model.education || undefined,
      ethnicity: model.ethnicity.trim() || null,
      orgId: model.orgId,
      politicalStatus: model.politicalStatus || undefined,
      hireDate: model.hireDate,
      // post and grade change through 登记岗位变动 once the worker is on the roster
      post: edit ? undefined : model.post || undefined,
      payPost: edit ? null : model.payPost,
      level: edit ? null : model.level,
      step: edit ? null : model.step,
      // the version this form was opened on: if a colleague saved in between, the server answers 409
      version: edit ? (editing.value?.version ?? null) : null,
    }
  }

  async function submit(): Promise<void> {
    await submitForm(async () => {
      const input = toInput()
      const target = editing.value
      const saved =
        mode.value === 'edit' && target
          ? await workforceApi.update(target.worker.id, input, { handled: FORM_ERRORS })
          : await workforceApi.create(input, { handled: FORM_ERRORS })
      ElMessage.success(mode.value === 'create' ? `已录入「${saved.worker.name}」` : '已保存')
      open.value = false
      onSaved(saved, mode.value)
    })
  }

  return { open, mode, title, model, masks, orgLabel, rules, idHint, derivedNotice, formRef, submitting, serverErrors, onIdBlur, openCreate, openEdit, submit }
}

export type WorkerForm = ReturnType<typeof useWorkerForm>
