/** 后备人才库: 社区书记后备 and 两委后备 by organization and status, 入库 (a roster worker or a named person) and 出库. */
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { oneOf } from '@/shared/api'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { talentApi } from './api'
import { RESERVE_KINDS, RESERVE_KIND_LABELS, RESERVE_STATUSES, type ReserveKind, type ReserveRow, type ReserveStatus, type WorkerRow } from './types'

/** The status filter: one status, or 'all' (the list opens on 在库). */
export const ALL = 'all'

export interface ReserveFormModel {
  kind: ReserveKind
  /** A roster worker, or someone not on the roster yet (named only). */
  source: 'worker' | 'name'
  workerId: string | null
  name: string
  orgId: string | null
  addedOn: string | null
  note: string
}

export interface LeaveFormModel {
  status: Exclude<ReserveStatus, 'InPool'>
  on: string | null
  reason: string
}

export function useReserve() {
  const list = usePagedList<ReserveRow, { orgId: string; kind: string; status: string }>({
    filters: { orgId: '', kind: '', status: 'InPool' },
    accept: { kind: (v) => !!oneOf(RESERVE_KINDS, v), status: (v) => v === ALL || !!oneOf(RESERVE_STATUSES, v) },
    fetch: (p) =>
      talentApi.reserve({
        orgId: p.orgId || undefined,
        kind: oneOf(RESERVE_KINDS, p.kind),
        status: oneOf(RESERVE_STATUSES, p.status),
        page: p.page,
        pageSize: p.pageSize,
      }),
  })
  const canWrite = computed(() => can('workforce:write'))

  // --- per-kind counts on the tabs (same organization and status as the list) ------------------------------------
  const kindCounts = ref<Partial<Record<ReserveKind, number>>>({})
  let countSeq = 0
  async function loadCounts(): Promise<void> {
    const seq = ++countSeq
    const { orgId, status } = list.applied.value
    try {
      const totals = await Promise.all(
        RESERVE_KINDS.map((kind) =>
          talentApi.reserve({ orgId: orgId || undefined, kind, status: oneOf(RESERVE_STATUSES, status), page: 1, pageSize: 1 }).then((p) => p.total),
        ),
      )
      if (seq === countSeq) kindCounts.value = Object.fromEntries(RESERVE_KINDS.map((k, i) => [k, totals[i]]))
    } catch {
      if (seq === countSeq) kindCounts.value = {}
    }
  }
  watch(
    () => [list.applied.value.orgId, list.applied.value.status],
    () => void loadCounts(),
    { immediate: true },
  )

  const allCount = computed(() => {
    const values = RESERVE_KINDS.map((k) => kindCounts.value[k])
    return values.every((v) => v !== undefined) ? values.reduce((a, b) => (a ?? 0) + (b ?? 0), 0) : undefined
  })

  /** The tab: '' = 全部. */
  const kindTab = computed({ get: () => list.filters.kind, set: (k: string) => void list.setFilter('kind', k) })

  // --- 入库 -----------------------------------------------------------------------------------------------------
  const addOpen = ref(false)
  const picked = shallowRef<WorkerRow | null>(null)
  const blank = (): ReserveFormModel => ({
    kind: oneOf(RESERVE_KINDS, list.filters.kind) ?? 'SecretaryReserve',
    source: 'worker',
    workerId: null,
    name: '',
    orgId: list.filters.orgId || null,
    addedOn: today(),
    note: '',
  })
  const model = reactive<ReserveFormModel>(blank())
  const addForm = useFormSubmit(['kind', 'workerId', 'name', 'orgId', 'addedOn', 'note'] as const)
  const addRules = computed<FormRules<ReserveFormModel>>(() => ({
    kind: [{ required: true, message: '请选择后备类别', trigger: 'change' }],
    ...(model.source === 'worker'
      ? { workerId: [{ required: true, message: '请选择社区工作者', trigger: 'change' }] }
      : { name: [{ required: true, whitespace: true, message: '请填写姓名', trigger: 'blur' }] }),
    orgId: [{ required: true, message: '请选择社区', trigger: 'change' }],
    addedOn: [{ required: true, message: '请填写入库日期', trigger: 'change' }],
  }))

  function openAdd(): void {
    Object.assign(model, blank())
    picked.value = null
    addForm.serverErrors.clear()
    addOpen.value = true
  }

  /** Picking a worker fills in the community (the clerk may still change it). */
  function onPickWorker(w: WorkerRow | null): void {
    picked.value = w
    if (w) model.orgId = w.orgId
  }

  const add = () =>
    addForm.submit(async () => {
      const byWorker = model.source === 'worker'
      const saved = await talentApi.addReserve(
        {
          orgId: model.orgId,
          kind: model.kind,
          workerId: byWorker ? model.workerId : null,
          name: byWorker ? null : model.name.trim(),
          addedOn: model.addedOn,
          note: model.note.trim() || null,
        },
        { handled: FORM_ERRORS },
      )
      ElMessage.success(`${saved.name}已列入${RESERVE_KIND_LABELS[saved.kind]}`)
      addOpen.value = false
      await Promise.all([list.reload(), loadCounts()])
    })

  // --- 出库 -----------------------------------------------------------------------------------------------------
  const leaveOpen = ref(false)
  const leaving = shallowRef<ReserveRow | null>(null)
  const leaveModel = reactive<LeaveFormModel>({ status: 'Promoted', on: today(), reason: '' })
  const leaveForm = useFormSubmit(['status', 'on', 'reason'] as const)
  const leaveRules: FormRules<LeaveFormModel> = {
    status: [{ required: true, message: '请选择出库方式', trigger: 'change' }],
    on: [{ required: true, message: '请填写出库日期', trigger: 'change' }],
  }

  function openLeave(r: ReserveRow): void {
    leaving.value = r
    Object.assign(leaveModel, { status: 'Promoted', on: today(), reason: '' } satisfies LeaveFormModel)
    leaveForm.serverErrors.clear()
    leaveOpen.value = true
  }

  const leave = () =>
    leaveForm.submit(async () => {
      const r = leaving.value
      if (!r) return
      const saved = await talentApi.leaveReserve(r.id, { status: leaveModel.status, on: leaveModel.on, reason: leaveModel.reason.trim() || null }, { handled: FORM_ERRORS })
      ElMessage.success(`${saved.name}：${saved.statusLabel}`)
      leaveOpen.value = false
      await Promise.all([list.reload(), loadCounts()])
    })

  return { list, canWrite, kindCounts, allCount, kindTab, addOpen, model, picked, addForm, addRules, openAdd, onPickWorker, add, leaveOpen, leaving, leaveModel, leaveForm, leaveRules, openLeave, leave }
}
