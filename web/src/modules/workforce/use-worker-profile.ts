/**
 * 社区工作者档案: the worker as the server has it now, and the changes made from the profile (登记岗位变动,
 * 证书, 状态, 删除). Every change answers with the whole profile, which replaces the one shown.
 */
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { confirmAction, promptReason } from '@/shared/confirm'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { today } from '@/shared/format'
import { useFormSubmit } from '@/shared/use-form-submit'
import type { DateString } from '@/shared/types'
import { workforceApi } from './api'
import type { CertificateLevel, CertificateRow, PostChangeKind, WorkerDetail, WorkerPost, WorkerStatus } from './types'

export const PROFILE_TABS = ['basic', 'posts', 'certificates', 'pay', 'development'] as const
export type ProfileTab = (typeof PROFILE_TABS)[number]

export function useWorkerProfile() {
  const route = useRoute()
  const router = useRouter()
  const id = computed(() => String(route.params.id))
  const detail = shallowRef<WorkerDetail | null>(null)
  const loading = ref(true)
  const missing = ref(false)
  const canWrite = computed(() => can('workforce:write'))
  const canReveal = computed(() => can('member:reveal'))

  /** The open tab, kept in the URL (`?tab=posts`) so a refresh or a shared link lands on it. */
  const tab = computed<ProfileTab>({
    get: () => PROFILE_TABS.find((t) => t === route.query.tab) ?? 'basic',
    set: (t) => void router.replace({ query: { ...route.query, tab: t === 'basic' ? undefined : t } }),
  })

  async function load(): Promise<void> {
    loading.value = true
    missing.value = false
    try {
      detail.value = await workforceApi.get(id.value, { handled: [404] })
    } catch {
      detail.value = null
      missing.value = true
    } finally {
      loading.value = false
    }
  }
  watch(id, load, { immediate: true })

  function replace(d: WorkerDetail): void {
    detail.value = d
  }

  const reveal = (field: 'idNumber' | 'phone') => async (): Promise<string> => {
    const d = detail.value
    if (!d) return '—'
    return (await workforceApi.reveal(d.worker.id, field)).value ?? '—'
  }

  async function removeCertificate(c: CertificateRow): Promise<void> {
    const d = detail.value
    if (!d) return
    if (!(await confirmAction('删除证书', `确定删除「${c.levelLabel}」证书记录吗？`, '删除'))) return
    detail.value = await workforceApi.removeCertificate(d.worker.id, c.id)
    ElMessage.success('已删除证书')
  }

  async function remove(): Promise<void> {
    const d = detail.value
    if (!d) return
    const reason = await promptReason({
      title: '删除社区工作者',
      message: `确定从花名册删除「${d.worker.name}」吗？仅用于录入错误；离岗、解聘请用「变更状态」。`,
      confirmText: '删除',
    })
    if (reason === null) return
    await workforceApi.remove(d.worker.id, reason)
    ElMessage.success(`已删除「${d.worker.name}」`)
    await router.push('/workforce/workers')
  }

  /** Back to the roster as it was left (filters, page) when the profile was opened from it. */
  function back(): void {
    const from: unknown = (window.history.state as { back?: unknown } | null)?.back
    if (typeof from === 'string' && from.startsWith('/workforce/workers') && !from.startsWith('/workforce/workers/')) router.back()
    else void router.push('/workforce/workers')
  }

  return { id, detail, loading, missing, canWrite, canReveal, tab, load, replace, reveal, removeCertificate, remove, back }
}

// --- 登记岗位变动 ----------------------------------------------------------------------------------

interface PostChangeModel {
  effectiveOn: DateString | null
  kind: Exclude<PostChangeKind, 'Hire'> | ''
  post: WorkerPost | ''
  payPost: number | null
  level: number | null
  step: number | null
  note: string
}

const POST_CHANGE_FIELDS = ['effectiveOn', 'kind', 'post', 'payPost', 'level', 'step', 'note'] as const

export function usePostChangeForm(onSaved: (d: WorkerDetail) => void) {
  const open = ref(false)
  const workerId = ref('')
  const model = reactive<PostChangeModel>({ effectiveOn: null, kind: '', post: '', payPost: null, level: null, step: null, note: '' })
  const { formRef, submitting, serverErrors, submit: run } = useFormSubmit(POST_CHANGE_FIELDS)
  const grade = (label: string) => [
    { required: true, message: `请填写${label}`, trigger: 'change' },
    { type: 'integer' as const, min: 1, max: 99, message: `${label}应为1—99的整数`, trigger: 'change' },
  ]
  const rules: FormRules = {
    effectiveOn: [{ required: true, message: '请填写生效日期', trigger: 'change' }],
    kind: [{ required: true, message: '请选择变动类型', trigger: 'change' }],
    post: [{ required: true, message: '请选择岗位', trigger: 'change' }],
    payPost: grade('薪酬岗'),
    level: grade('薪级'),
    step: grade('档次'),
    note: [{ max: 200, message: '说明不超过200个字', trigger: 'change' }],
  }

  /** Starts from the worker's current post and grade: most changes move one of them. */
  function openFor(d: WorkerDetail, kind: PostChangeModel['kind'] = ''): void {
    workerId.value = d.worker.id
    Object.assign(model, {
      effectiveOn: today(),
      kind,
      post: d.worker.post,
      payPost: d.worker.payPost,
      level: d.worker.level,
      step: kind === 'StepAdvance' ? Math.min(99, d.worker.step + 1) : d.worker.step,
      note: '',
    })
    serverErrors.clear()
    formRef.value?.clearValidate()
    open.value = true
  }

  async function submit(): Promise<void> {
    await run(async () => {
      const d = await workforceApi.changePost(
        workerId.value,
        {
          effectiveOn: model.effectiveOn,
          kind: model.kind || undefined,
          post: model.post || undefined,
          payPost: model.payPost,
          level: model.level,
          step: model.step,
          note: model.note.trim() || null,
        },
        { handled: FORM_ERRORS },
      )
      ElMessage.success('已登记岗位变动')
      open.value = false
      onSaved(d)
    })
  }

  return { open, model, rules, formRef, submitting, serverErrors, openFor, submit }
}
export type PostChangeForm = ReturnType<typeof usePostChangeForm>

// --- 职业资格证书 ----------------------------------------------------------------------------------

interface CertificateModel {
  level: CertificateLevel | ''
  certifiedOn: DateString | null
  number: string
}

export function useCertificateForm(onSaved: (d: WorkerDetail) => void) {
  const open = ref(false)
  const workerId = ref('')
  const model = reactive<CertificateModel>({ level: '', certifiedOn: null, number: '' })
  const { formRef, submitting, serverErrors, submit: run } = useFormSubmit(['level', 'certifiedOn', 'number'] as const)
  const rules: FormRules = {
    level: [{ required: true, message: '请选择证书等级', trigger: 'change' }],
    certifiedOn: [{ required: true, message: '请填写取得日期', trigger: 'change' }],
    number: [{ max: 50, message: '证书编号不超过50个字', trigger: 'change' }],
  }

  function openFor(d: WorkerDetail): void {
    workerId.value = d.worker.id
    Object.assign(model, { level: '', certifiedOn: null, number: '' })
    serverErrors.clear()
    formRef.value?.clearValidate()
    open.value = true
  }

  async function submit(): Promise<void> {
    await run(async () => {
      const d = await workforceApi.addCertificate(
        workerId.value,
        { level: model.level || undefined, certifiedOn: model.certifiedOn, number: model.number.trim() || null },
        { handled: FORM_ERRORS },
      )
      ElMessage.success('已登记证书')
      open.value = false
      onSaved(d)
    })
  }

  return { open, model, rules, formRef, submitting, serverErrors, openFor, submit }
}
export type CertificateForm = ReturnType<typeof useCertificateForm>

// --- 状态 ---------------------------------------------------------------------------------------

interface StatusModel {
  status: WorkerStatus | ''
  since: DateString | null
  note: string
}

export function useStatusForm(onSaved: (d: WorkerDetail) => void) {
  const open = ref(false)
  const workerId = ref('')
  const current = ref<WorkerStatus | ''>('')
  const model = reactive<StatusModel>({ status: '', since: null, note: '' })
  const { formRef, submitting, serverErrors, submit: run } = useFormSubmit(['status', 'since', 'note'] as const)
  const rules = computed<FormRules>(() => ({
    status: [{ required: true, message: '请选择状态', trigger: 'change' }],
    since: [{ required: true, message: '请填写变更日期', trigger: 'change' }],
    note: [
      { required: model.status === 'Dismissed', whitespace: true, message: '解聘须写明原因', trigger: 'change' },
      { max: 200, message: '说明不超过200个字', trigger: 'change' },
    ],
  }))

  /** Proposes the usual next state: 在岗 → 离岗, otherwise back to 在岗. */
  function openFor(d: WorkerDetail, status?: WorkerStatus): void {
    workerId.value = d.worker.id
    current.value = d.worker.status
    Object.assign(model, { status: status ?? (d.worker.status === 'Active' ? 'Away' : 'Active'), since: today(), note: '' })
    serverErrors.clear()
    formRef.value?.clearValidate()
    open.value = true
  }

  function onStatusChange(): void {
    formRef.value?.clearValidate('note')
  }

  async function submit(): Promise<void> {
    await run(async () => {
      const d = await workforceApi.setStatus(
        workerId.value,
        { status: model.status || undefined, since: model.since, note: model.note.trim() || null },
        { handled: FORM_ERRORS },
      )
      ElMessage.success(`状态已改为「${d.worker.statusLabel}」`)
      open.value = false
      onSaved(d)
    })
  }

  return { open, current, model, rules, formRef, submitting, serverErrors, openFor, onStatusChange, submit }
}
export type StatusForm = ReturnType<typeof useStatusForm>
