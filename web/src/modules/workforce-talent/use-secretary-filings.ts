/**
 * 书记备案: the in-post community secretaries with their latest filing with the county organization department,
 * the counts (应备案 / 已备案 / 已报备 / 待报备), 报备 and — for workforce:manage — 备案 / 退回.
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { oneOf } from '@/shared/api'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { talentApi } from './api'
import { FILING_FILTERS, FILING_STATE_ORDER, filingState, inFilter, type FilingFilter, type FilingRow, type FilingState, type SecretaryFilingState } from './types'

export interface FileFormModel {
  filedOn: string | null
  documentNumber: string
}

export interface DecideFormModel {
  accepted: boolean
  on: string | null
  note: string
}

export interface FilingCounts {
  /** In-post secretaries (应备案). */
  total: number
  accepted: number
  submitted: number
  /** Not filed yet or returned (待报备). */
  pending: number
  none: number
  returned: number
}

export function useSecretaryFilings() {
  // The server answers every secretary of the subtree (no paging): the state filter and the counts are worked out here.
  const all = shallowRef<SecretaryFilingState[]>([])
  const list = usePagedList<SecretaryFilingState, { orgId: string; state: string }>({
    filters: { orgId: '', state: '' },
    accept: { state: (v) => !!oneOf(FILING_FILTERS, v) },
    fetch: async (p) => {
      const rows = await talentApi.filings(p.orgId || undefined)
      // The server orders by community; what is still to do comes first (a stable sort keeps the community order).
      all.value = [...rows].sort((a, b) => FILING_STATE_ORDER[filingState(a)] - FILING_STATE_ORDER[filingState(b)])
      const filter = oneOf(FILING_FILTERS, p.state)
      const items = filter ? all.value.filter((s) => inFilter(s, filter)) : all.value
      return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) }
    },
  })
  const canWrite = computed(() => can('workforce:write'))
  const canManage = computed(() => can('workforce:manage'))

  const counts = computed<FilingCounts>(() => {
    const by = (st: FilingState) => all.value.filter((s) => filingState(s) === st).length
    const none = by('None')
    const returned = by('Returned')
    return { total: all.value.length, accepted: by('Accepted'), submitted: by('Submitted'), pending: none + returned, none, returned }
  })

  /** Shows only the secretaries in one state ('' = all); the summary cards call it. */
  function showState(state: FilingFilter | ''): void {
    void list.setFilter('state', list.applied.value.state === state ? '' : state)
  }

  // --- 报备 -----------------------------------------------------------------------------------------------------
  const fileOpen = ref(false)
  const filing = shallowRef<SecretaryFilingState | null>(null)
  const fileModel = reactive<FileFormModel>({ filedOn: today(), documentNumber: '' })
  const fileForm = useFormSubmit(['filedOn', 'documentNumber'] as const) // a workerId error (重复报备, 不在岗) shows above the form
  const fileRules: FormRules<FileFormModel> = { filedOn: [{ required: true, message: '请填写报备日期', trigger: 'change' }] }

  function openFile(s: SecretaryFilingState): void {
    filing.value = s
    Object.assign(fileModel, { filedOn: today(), documentNumber: '' } satisfies FileFormModel)
    fileForm.serverErrors.clear()
    fileOpen.value = true
  }

  const file = () =>
    fileForm.submit(async () => {
      const s = filing.value
      if (!s) return
      await talentApi.file({ workerId: s.workerId, filedOn: fileModel.filedOn, documentNumber: fileModel.documentNumber.trim() || null }, { handled: FORM_ERRORS })
      ElMessage.success(`${s.name}已报县委组织部备案`)
      fileOpen.value = false
      await list.reload()
    })

  // --- 备案 / 退回 (county organization department) ----------------------------------------------------------------
  const decideOpen = ref(false)
  const deciding = shallowRef<FilingRow | null>(null)
  const decideModel = reactive<DecideFormModel>({ accepted: true, on: today(), note: '' })
  const decideForm = useFormSubmit(['accepted', 'on', 'note'] as const)
  const decideRules = computed<FormRules<DecideFormModel>>(() => ({
    on: [{ required: true, message: '请填写处理日期', trigger: 'change' }],
    ...(decideModel.accepted ? {} : { note: [{ required: true, whitespace: true, message: '退回须写明原因', trigger: 'blur' }] }),
  }))

  function openDecide(f: FilingRow, accepted: boolean): void {
    deciding.value = f
    Object.assign(decideModel, { accepted, on: today(), note: '' } satisfies DecideFormModel)
    decideForm.serverErrors.clear()
    decideOpen.value = true
  }

  const decide = () =>
    decideForm.submit(async () => {
      const f = deciding.value
      if (!f) return
      const saved = await talentApi.decide(f.id, { accepted: decideModel.accepted, on: decideModel.on, note: decideModel.note.trim() || null }, { handled: FORM_ERRORS })
      ElMessage.success(`${saved.workerName}：${saved.statusLabel}`)
      decideOpen.value = false
      await list.reload()
    })

  return {
    list,
    all,
    counts,
    canWrite,
    canManage,
    showState,
    fileOpen,
    filing,
    fileModel,
    fileForm,
    fileRules,
    openFile,
    file,
    decideOpen,
    deciding,
    decideModel,
    decideForm,
    decideRules,
    openDecide,
    decide,
  }
}
