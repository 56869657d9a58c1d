/**
 * One episode on one screen: the member, the decision and the return (home side), and what either side records —
 * reports, activities, contacts — plus the 1+N liaisons.
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { confirmAction, promptReason } from '@/shared/confirm'
import { today } from '@/shared/format'
import { FORM_ERRORS, isApiError } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { mobileApi } from './api'
import type { ActivityKind, ContactChannel, EpisodeDetail, LiaisonRole } from './types'

export type RecordKind = 'report' | 'activity' | 'contact' | 'liaison' | 'return'

export interface RecordModel {
  period: string
  content: string
  kind: ActivityKind
  date: string | null
  channel: ContactChannel
  reachable: boolean
  liaisonId: string | null
  contactedBy: string
  liaisonMemberId: string | null
  liaisonName: string
  role: LiaisonRole
  note: string
}

const FIELDS = ['period', 'content', 'kind', 'date', 'channel', 'reachable', 'liaisonId', 'contactedBy', 'liaisonMemberId', 'liaisonName',
  'role', 'note', 'status'] as const

export function useEpisode(id: string) {
  const detail = shallowRef<EpisodeDetail | null>(null)
  const loading = ref(false)
  const notFound = ref(false)
  const phone = ref<string | null>(null)
  const canReveal = computed(() => can('member:reveal'))
  const canWrite = computed(() => can('mobile:write'))

  async function load(): Promise<void> {
    loading.value = true
    try {
      detail.value = await mobileApi.episode(id, { handled: [404] })
    } catch (e) {
      if (isApiError(e) && e.status === 404) notFound.value = true
      else throw e
    } finally {
      loading.value = false
    }
  }

  async function approve(): Promise<void> {
    const d = detail.value
    if (!d || !(await confirmAction('审批外出报备', `同意${d.member.name}外出至${d.destinationRegionName}？`, '审批通过'))) return
    detail.value = await mobileApi.approve(d.id)
    ElMessage.success('已审批通过')
  }

  async function reject(): Promise<void> {
    const d = detail.value
    if (!d) return
    const reason = await promptReason({ title: '驳回外出报备', message: `驳回${d.member.name}的外出报备，请填写理由（报备人可据此修改后重新报备）`, confirmText: '驳回', placeholder: '如：外出地址不详' })
    if (!reason) return
    detail.value = await mobileApi.reject(d.id, reason)
    ElMessage.success('已驳回')
  }

  async function withdraw(): Promise<void> {
    const d = detail.value
    if (!d || !(await confirmAction('撤回外出报备', `撤回${d.member.name}尚未审批的外出报备？`, '撤回'))) return
    detail.value = await mobileApi.withdraw(d.id)
    ElMessage.success('已撤回')
  }

  async function reveal(): Promise<void> {
    const d = detail.value
    if (!d) return
    phone.value = (await mobileApi.revealPhone(d.id)).phone
  }

  // --- the record dialog (one at a time) ---------------------------------------------------------
  const dialog = ref<RecordKind | null>(null)
  const model = reactive<RecordModel>({
    period: '', content: '', kind: 'OrgLife', date: today(), channel: 'Phone', reachable: true, liaisonId: null, contactedBy: '',
    liaisonMemberId: null, liaisonName: '', role: 'Secretary', note: '',
  })
  // The server names each date after its record (occurredOn, contactedOn …); the dialog has one date field.
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(FIELDS, {
    occurredOn: 'date', contactedOn: 'date', returnedOn: 'date', since: 'date', filedOn: 'date',
  })

  const rules = computed<FormRules<RecordModel>>(() => {
    const required = (message: string, trigger = 'change') => [{ required: true, message, trigger }]
    switch (dialog.value) {
      case 'report':
        return { period: required('请选择报告期'), content: [...required('请填写在外履责情况', 'blur'), { max: 2000, message: '不能超过2000个字', trigger: 'blur' }] }
      case 'activity':
        return { kind: required('请选择活动类型'), date: required('请选择活动日期'), content: required('请填写活动内容', 'blur') }
      case 'contact':
        return { channel: required('请选择联系方式'), date: required('请选择联系日期'), reachable: required('请选择是否联系上'), content: required('请填写联系内容', 'blur') }
      case 'liaison':
        return { role: required('请选择联络员身份') }
      case 'return':
        return { date: required('请选择返回日期') }
      default:
        return {}
    }
  })

  function openDialog(kind: RecordKind): void {
    const d = detail.value
    Object.assign(model, {
      period: kind === 'report' ? (d?.reports.find((r) => !r.filed)?.period ?? '') : '',
      content: '', kind: 'OrgLife', date: today(), channel: 'Phone', reachable: true,
      liaisonId: d?.liaisons.find((l) => !l.endedOn)?.id ?? null, contactedBy: '', liaisonMemberId: null, liaisonName: '',
      role: 'Secretary', note: '',
    } satisfies RecordModel)
    serverErrors.clear()
    dialog.value = kind
  }

  const saveDialog = () =>
    submit(async () => {
      const d = detail.value
      if (!d) return
      const o = { handled: FORM_ERRORS }
      switch (dialog.value) {
        case 'report':
          detail.value = await mobileApi.fileReport(d.id, { period: model.period, filedOn: model.date, content: model.content.trim() }, o)
          ElMessage.success('履责报告已登记')
          break
        case 'activity':
          detail.value = await mobileApi.recordActivity(d.id, { kind: model.kind, occurredOn: model.date, content: model.content.trim() }, o)
          ElMessage.success('活动已登记')
          break
        case 'contact':
          detail.value = await mobileApi.logContact(d.id, {
            liaisonId: model.liaisonId, contactedBy: model.contactedBy.trim() || null, channel: model.channel, contactedOn: model.date,
            reachable: model.reachable, content: model.content.trim(),
          }, o)
          ElMessage.success('联络记录已登记')
          break
        case 'liaison':
          await mobileApi.pair(d.member.memberId, {
            liaisonMemberId: model.liaisonMemberId, liaisonName: model.liaisonMemberId ? null : model.liaisonName.trim() || null, role: model.role, since: model.date,
          }, o)
          await load()
          ElMessage.success('已添加结对联络员')
          break
        case 'return':
          detail.value = await mobileApi.comeBack(d.id, model.date ?? today(), model.note.trim() || null, o)
          ElMessage.success('已登记返回')
          break
      }
      dialog.value = null
    })

  async function unpair(liaisonId: string, name: string): Promise<void> {
    const d = detail.value
    if (!d || !(await confirmAction('解除结对', `解除${name}与${d.member.name}的结对？解除后仍保留结对记录。`, '解除'))) return
    await mobileApi.unpair(d.member.memberId, liaisonId)
    await load()
  }

  return {
    detail, loading, notFound, phone, canReveal, canWrite, load, approve, reject, withdraw, reveal,
    dialog, model, rules, formRef, submitting, serverErrors, openDialog, saveDialog, unpair,
  }
}

export type EpisodePage = ReturnType<typeof useEpisode>
