/**
 * The create/edit dialog of a person-like record. Owns the identity fields (姓名, 身份证号 with
 * client-side check and birth date / gender derivation, 手机号 …, 所在党组织, 标签), the edit-mode
 * masking (ID and phone are only sent when re-typed; null keeps the stored value), server field
 * errors and 409 duplicates. A register adds its own fields through `extra*` options.
 */
import { computed, reactive, ref, shallowRef, type UnwrapRef } from 'vue'
import type { FormItemRule, FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { useFormSubmit } from '@/shared/use-form-submit'
import { checkIdNumber, normalizeIdNumber } from '@/shared/id-number'
import type { Id, OrgLevel } from '@/shared/types'
import {
  PERSON_BASE_FIELDS,
  type PersonBaseInput,
  type PersonBaseModel,
  type PersonLikeDetail,
  type RecordApi,
} from './types'

export interface PersonFormOptions<Model extends PersonBaseModel, Detail extends PersonLikeDetail, Input, Extra extends string> {
  api: Pick<RecordApi<unknown, Detail, Input, never>, 'get' | 'create' | 'update'>
  noun: string
  /** The register's own fields of a blank record (create); the identity fields start blank. */
  emptyExtra: () => Omit<Model, keyof PersonBaseModel>
  /** Register-specific fields of a loaded record (identity fields are filled here). */
  extraFromDetail: (detail: Detail) => Omit<Model, keyof PersonBaseModel>
  /** The request body from the identity part and the model. */
  toInput: (base: PersonBaseInput, model: Model) => Input
  extraFields: readonly Extra[]
  extraRules?: (model: Model) => Partial<Record<Extra, FormItemRule[]>>
  phoneRequired: boolean
  /** Levels a record may be placed in (members: general branches, branches, groups); all when omitted. */
  orgLevels?: readonly OrgLevel[]
  onSaved: (detail: Detail, mode: 'create' | 'edit') => void
}

/** The identity fields of a blank record. */
export function emptyPersonBase(): PersonBaseModel {
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
    tags: [],
  }
}

export function usePersonForm<Model extends PersonBaseModel, Detail extends PersonLikeDetail, Input, Extra extends string>(
  options: PersonFormOptions<Model, Detail, Input, Extra>,
) {
  const emptyModel = () => ({ ...emptyPersonBase(), ...options.emptyExtra() }) as Model
  const open = ref(false)
  const mode = ref<'create' | 'edit'>('create')
  const editingId = ref<Id | null>(null)
  const loading = ref(false)
  const model = reactive(emptyModel()) as UnwrapRef<Model> & PersonBaseModel
  /** Masked stored values shown as placeholders in edit mode. */
  const masks = reactive({ idNumber: '', phone: '' })
  const orgLabel = ref<string | null>(null)
  /** The record being edited, as loaded (null while creating or loading). */
  const loaded = shallowRef<Detail | null>(null)
  const derivedNotice = ref('')
  const fields = [...PERSON_BASE_FIELDS, ...options.extraFields] as const
  const { formRef, submitting, serverErrors, submit: submitForm } = useFormSubmit<(typeof fields)[number]>(fields)

  const title = computed(() => `${mode.value === 'create' ? '新增' : '编辑'}${options.noun}`)

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

  const rules = computed<FormRules>(() => ({
    name: [
      // 'change', not 'blur': the dialog puts the cursor here, leaving it must not raise an error yet
      { required: true, message: '请输入姓名', trigger: 'change' },
      { max: 50, message: '姓名不超过50个字', trigger: 'change' },
    ],
    idNumber: mode.value === 'create' ? [{ required: true, message: '请输入身份证号', trigger: 'blur' }] : [],
    gender: [{ required: true, message: '请选择性别', trigger: 'change' }],
    birthDate: [{ required: true, message: '请选择出生日期', trigger: 'change' }],
    phone:
      options.phoneRequired && mode.value === 'create'
        ? [{ required: true, message: '请输入手机号', trigger: 'blur' }]
        : [],
    orgId: [{ required: true, message: '请选择所在党组织', trigger: 'change' }],
    ...options.extraRules?.(model as Model),
  }))

  function reset(next: Model): void {
    Object.assign(model, next)
    masks.idNumber = ''
    masks.phone = ''
    derivedNotice.value = ''
    serverErrors.clear()
    formRef.value?.clearValidate()
  }

  function openCreate(defaults: Partial<Model> = {}): void {
    mode.value = 'create'
    editingId.value = null
    reset({ ...emptyModel(), ...defaults })
    orgLabel.value = null
    loaded.value = null
    open.value = true
  }

  async function openEdit(id: Id): Promise<void> {
    mode.value = 'edit'
    editingId.value = id
    reset(emptyModel())
    loaded.value = null
    open.value = true
    loading.value = true
    try {
      const d = await options.api.get(id)
      const base: PersonBaseModel = {
        name: d.name,
        idNumber: '',
        gender: d.gender,
        birthDate: d.birthDate,
        phone: '',
        address: d.address ?? '',
        education: d.education ?? '',
        ethnicity: d.ethnicity ?? '',
        orgId: d.orgId,
        tags: [...d.tags],
      }
      Object.assign(model, base, options.extraFromDetail(d))
      masks.idNumber = d.idNumberMasked ?? ''
      masks.phone = d.phoneMasked ?? ''
      orgLabel.value = d.orgName
      loaded.value = d
    } catch {
      open.value = false
    } finally {
      loading.value = false
    }
  }

  function baseInput(): PersonBaseInput {
    const editing = mode.value === 'edit'
    const idNumber = normalizeIdNumber(model.idNumber)
    const phone = model.phone.trim()
    return {
      name: model.name.trim(),
      idNumber: idNumber || (editing ? null : ''),
      // Absent, not null: the document types an optional enum without `nullable` (the server reads both as null).
      gender: model.gender || undefined,
      birthDate: model.birthDate,
      phone: phone || (editing || !options.phoneRequired ? null : ''),
      address: model.address.trim() || null,
      education: model.education || undefined,
      ethnicity: model.ethnicity.trim() || null,
      orgId: model.orgId,
      tags: model.tags.map((t) => t.trim()).filter(Boolean),
      // The version this form loaded: if a colleague saved in between, the server answers 409 instead of overwriting.
      version: editing ? (loaded.value?.version ?? null) : null,
    }
  }

  async function submit(): Promise<void> {
    if (loading.value) return
    await submitForm(async () => {
      const input = options.toInput(baseInput(), model as Model)
      const saved =
        mode.value === 'edit' && editingId.value
          ? await options.api.update(editingId.value, input, { handled: FORM_ERRORS })
          : await options.api.create(input, { handled: FORM_ERRORS })
      ElMessage.success(mode.value === 'create' ? `已新增${options.noun}「${saved.name}」` : '已保存')
      open.value = false
      options.onSaved(saved, mode.value)
    })
  }

  return {
    open,
    mode,
    /** 手机号 is required on create (党员) or optional (居民). */
    phoneRequired: options.phoneRequired,
    orgLevels: options.orgLevels,
    title,
    loading,
    submitting,
    formRef,
    model,
    masks,
    orgLabel,
    detail: computed(() => loaded.value),
    rules,
    idHint,
    derivedNotice,
    serverErrors,
    onIdBlur,
    openCreate,
    openEdit,
    submit,
  }
}

export type PersonForm = ReturnType<typeof usePersonForm<PersonBaseModel, PersonLikeDetail, unknown, string>>
