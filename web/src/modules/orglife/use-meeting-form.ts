/**
 * The 三会一课 record form: load (or start) a record, the roster behind its attendance list, save as draft
 * or submit, server field errors (including `attendance[i].absenceReason` → that member's line), 409
 * conflicts, return for correction, delete, and unsaved-change tracking.
 */
import { computed, nextTick, reactive, ref, shallowRef } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance, type FormItemRule, type FormRules } from 'element-plus'
import { ApiError, FORM_ERRORS, isApiError } from '@/shared/http'
import { useServerErrors } from '@/shared/form-errors'
import { can } from '@/shared/session'
import { today } from '@/shared/format'
import type { Id } from '@/shared/types'
import { meetingApi, rosterApi } from './api'
import {
  FULL_ROSTER_KINDS,
  KIND_LABELS,
  MEETING_FORM_FIELDS,
  rosterOrgLabel,
  type AttendanceLine,
  type BranchRoster,
  type MeetingDetail,
  type MeetingFormModel,
  type MeetingInput,
  type MeetingKind,
  type RosterMember,
} from './types'
import { isTime, normalizeTime } from './utils'

/** A record just created on this page, handed to the page instance that opens at its new URL. */
const handoff = new Map<Id, MeetingDetail>()

const rosterCache = new Map<Id, Promise<BranchRoster>>()

function loadRoster(orgId: Id): Promise<BranchRoster> {
  let hit = rosterCache.get(orgId)
  if (!hit) {
    hit = rosterApi.get(orgId, { handled: [404] }).catch((e: unknown) => {
      rosterCache.delete(orgId)
      throw e
    })
    rosterCache.set(orgId, hit)
    // a roster changes rarely, but a clerk may fix a member in another tab: keep it a few minutes
    setTimeout(() => rosterCache.delete(orgId), 5 * 60_000)
  }
  return hit
}

function emptyModel(): MeetingFormModel {
  return {
    orgId: null,
    kind: '',
    groupId: null,
    heldOn: today(),
    startTime: '',
    endTime: '',
    place: '',
    host: '',
    topic: '',
    minutes: '',
  }
}

export interface MeetingFormStart {
  /** null = a new record. */
  id: Id | null
  orgId?: Id | null
  kind?: MeetingKind | null
  heldOn?: string | null
}

export function useMeetingForm(start: MeetingFormStart) {
  const isNew = start.id === null
  const recordId = ref<Id | null>(start.id)
  const loading = ref(false)
  const notFound = ref(false)
  const detail = shallowRef<MeetingDetail | null>(null)
  const model = reactive(emptyModel())
  const lines = ref<AttendanceLine[]>([])
  const formRef = ref<FormInstance>()
  const serverErrors = useServerErrors(MEETING_FORM_FIELDS)
  /** 409: a colleague saved in between. */
  const conflict = ref(false)
  const saving = ref<'draft' | 'submit' | null>(null)
  /** What the form is being validated for: 提交 needs more than 保存草稿. */
  const intent = ref<'draft' | 'submit'>('draft')

  // --- roster -------------------------------------------------------------------------------------
  const branchRoster = shallowRef<BranchRoster | null>(null)
  /** The members the attendance list is drawn from: the branch's, or the chosen 党小组's. */
  const source = shallowRef<RosterMember[] | null>(null)
  const rosterLoading = ref(false)
  const orgHint = ref('')
  let rosterSeq = 0

  const groups = computed(() => branchRoster.value?.groups ?? [])
  const kind = computed<MeetingKind | null>(() => model.kind || null)
  const fullRoster = computed(() => !!kind.value && FULL_ROSTER_KINDS.includes(kind.value))
  /** 支委会: lines are added from the roster (and may be removed). */
  const pickable = computed(() => kind.value === 'CommitteeMeeting')
  const onList = computed(() => new Set(lines.value.map((l) => l.memberId)))
  const addable = computed(() => (source.value ?? []).filter((m) => !onList.value.has(m.memberId)))

  const editable = computed(() => (isNew ? can('orglife:write') : (detail.value?.canEdit ?? false)))
  const status = computed(() => detail.value?.status ?? 'Draft')

  const counts = computed(() => {
    let present = 0
    let absent = 0
    let unmarked = 0
    for (const l of lines.value) {
      if (l.present === true) present++
      else if (l.present === false) absent++
      else unmarked++
    }
    return { expected: lines.value.length, present, absent, unmarked }
  })

  function lineOf(m: RosterMember, present: boolean | null = null): AttendanceLine {
    return { memberId: m.memberId, name: m.name, orgName: rosterOrgLabel(m), present, absenceReason: '', error: '' }
  }

  /**
   * Rebuild the list from `source`. `fill` (branch / kind / group picked on the form): every roster member
   * for 党员大会 / 党小组会 / 党课, marks kept; 支委会 keeps only who is still on the roster.
   * `merge` (a saved record opened): nothing is dropped; 党员大会 / 党小组会 / 党课 get unmarked lines for
   * members not on the list yet (a draft stores only the members already marked).
   */
  function syncLines(mode: 'fill' | 'merge'): void {
    const members = source.value
    if (!members) return
    const byId = new Map(lines.value.map((l) => [l.memberId, l]))
    const roster = new Map(members.map((m) => [m.memberId, m]))
    if (mode === 'merge') {
      const next = lines.value.map((l): AttendanceLine => {
        const m = roster.get(l.memberId)
        return m
          ? { ...l, orgName: rosterOrgLabel(m), stale: false }
          : { ...l, stale: true, error: l.error || '该党员已不在本支部名册中（可能已转出），请移除' }
      })
      if (fullRoster.value) for (const m of members) if (!byId.has(m.memberId)) next.push(lineOf(m))
      // roster order (the server lists attendance present-first), members no longer on it last
      const order = new Map(members.map((m, i) => [m.memberId, i]))
      next.sort((a, b) => (order.get(a.memberId) ?? members.length) - (order.get(b.memberId) ?? members.length))
      lines.value = next
      return
    }
    if (kind.value === 'CommitteeMeeting') {
      lines.value = lines.value.filter((l) => roster.has(l.memberId))
      return
    }
    if (!kind.value) {
      lines.value = []
      return
    }
    lines.value = members.map((m) => {
      const kept = byId.get(m.memberId)
      return kept ? { ...kept, orgName: rosterOrgLabel(m), error: '' } : lineOf(m)
    })
  }

  /** Loads the branch roster (and the group's, for 党小组会), then rebuilds the list. */
  async function refreshSource(mode: 'fill' | 'merge'): Promise<void> {
    const seq = ++rosterSeq
    orgHint.value = ''
    if (!model.orgId) {
      branchRoster.value = null
      source.value = null
      if (mode === 'fill') lines.value = []
      return
    }
    rosterLoading.value = true
    try {
      const branch = await loadRoster(model.orgId)
      if (seq !== rosterSeq) return
      branchRoster.value = branch
      if (!branch.isBranch) {
        orgHint.value = `「${branch.orgName}」不是党支部，三会一课以党支部为单位记录，请选择党支部`
        source.value = null
        if (isNew) model.orgId = null
        return
      }
      if (model.groupId && !branch.groups.some((g) => g.id === model.groupId)) model.groupId = null
      if (kind.value === 'GroupMeeting' && !model.groupId && branch.groups.length === 1) model.groupId = branch.groups[0]!.id
      let members: RosterMember[] | null = branch.members
      if (kind.value === 'GroupMeeting') members = model.groupId ? (await loadRoster(model.groupId)).members : null
      if (seq !== rosterSeq) return
      source.value = members
      if (members) syncLines(mode)
      else if (mode === 'fill') lines.value = []
    } catch {
      if (seq === rosterSeq) source.value = null
    } finally {
      if (seq === rosterSeq) rosterLoading.value = false
    }
  }

  function onOrgChange(): void {
    serverErrors.clearField('orgId')
    model.groupId = null
    void refreshSource('fill')
  }

  function onKindChange(): void {
    serverErrors.clearField('kind')
    if (model.kind !== 'GroupMeeting') model.groupId = null
    if (model.kind === 'CommitteeMeeting') lines.value = []
    void refreshSource('fill')
  }

  function onGroupChange(): void {
    serverErrors.clearField('groupId')
    void refreshSource('fill')
  }

  // --- attendance actions ---------------------------------------------------------------------------
  function clearAttendanceErrors(): void {
    serverErrors.clearField('attendance')
    for (const l of lines.value) l.error = ''
  }

  function allPresent(): void {
    for (const l of lines.value) {
      l.present = true
      l.absenceReason = ''
      l.error = ''
    }
    serverErrors.clearField('attendance')
  }

  function setPresent(line: AttendanceLine, present: boolean): void {
    line.present = present
    if (present) line.absenceReason = ''
    line.error = ''
  }

  function setReason(line: AttendanceLine, reason: string): void {
    line.present = false
    line.absenceReason = reason
    line.error = ''
  }

  function addMember(memberId: Id): void {
    const m = source.value?.find((x) => x.memberId === memberId)
    if (!m || onList.value.has(memberId)) return
    lines.value = [...lines.value, lineOf(m, true)]
    serverErrors.clearField('attendance')
  }

  function addAll(): void {
    lines.value = [...lines.value, ...addable.value.map((m) => lineOf(m, true))]
  }

  function removeLine(memberId: Id): void {
    lines.value = lines.value.filter((l) => l.memberId !== memberId)
  }

  // --- load ---------------------------------------------------------------------------------------
  const snapshot = ref('')
  function currentState(): string {
    return JSON.stringify([model, lines.value.map((l) => [l.memberId, l.present, l.absenceReason])])
  }
  const dirty = computed(() => editable.value && currentState() !== snapshot.value)
  function markClean(): void {
    snapshot.value = currentState()
  }

  function fillFrom(d: MeetingDetail): void {
    detail.value = d
    Object.assign(model, {
      orgId: d.orgId,
      kind: d.kind,
      groupId: d.groupId ?? null,
      heldOn: d.heldOn,
      startTime: d.startTime,
      endTime: d.endTime ?? '',
      place: d.place,
      host: d.host,
      topic: d.topic,
      minutes: d.minutes ?? '',
    } satisfies MeetingFormModel)
    lines.value = d.attendance.map((a) => ({
      memberId: a.memberId,
      name: a.memberName,
      orgName: '',
      present: a.present,
      absenceReason: a.absenceReason ?? '',
      error: '',
    }))
  }

  /** Loads the record, or starts a new one (`defaultOrgId`: the branch to use when the URL names none). */
  async function load(defaultOrgId?: Id | null): Promise<void> {
    serverErrors.clear()
    conflict.value = false
    if (isNew && !recordId.value) {
      Object.assign(model, emptyModel())
      if (start.heldOn) model.heldOn = start.heldOn
      if (start.kind) model.kind = start.kind
      const orgId = start.orgId || defaultOrgId
      if (orgId) {
        model.orgId = orgId
        await refreshSource('fill')
      }
      markClean()
      return
    }
    loading.value = true
    try {
      const id = recordId.value!
      const handed = handoff.get(id)
      handoff.delete(id)
      const d = handed ?? (await meetingApi.get(id, { handled: [404] }))
      fillFrom(d)
      if (d.canEdit) await refreshSource('merge')
      markClean()
    } catch (e) {
      if (isApiError(e) && e.status === 404) notFound.value = true
    } finally {
      loading.value = false
    }
  }

  // --- validation ---------------------------------------------------------------------------------
  function timeRule(label: string, required: boolean): FormItemRule[] {
    return [
      ...(required ? [{ required: true, message: `请填写${label}`, trigger: 'blur' } satisfies FormItemRule] : []),
      {
        validator: (_r, value: string, cb) => (!value || isTime(value) ? cb() : cb(new Error('时间格式应为 时:分，如 09:30'))),
        trigger: 'blur',
      },
    ]
  }

  const rules = computed<FormRules>(() => ({
    orgId: [{ required: true, message: '请选择党支部', trigger: 'change' }],
    kind: [{ required: true, message: '请选择会议类型', trigger: 'change' }],
    groupId: model.kind === 'GroupMeeting' ? [{ required: true, message: '请选择召开会议的党小组', trigger: 'change' }] : [],
    heldOn: [
      { required: true, message: '请填写会议日期', trigger: 'change' },
      {
        validator: (_r, value: string | null, cb) =>
          intent.value === 'submit' && value && value > today() ? cb(new Error('会议尚未召开，不能提交；可先保存为草稿')) : cb(),
        trigger: 'change',
      },
    ],
    startTime: timeRule('开始时间', true),
    endTime: [
      ...timeRule('结束时间', false),
      {
        validator: (_r, value: string, cb) =>
          value && isTime(value) && isTime(model.startTime) && value <= model.startTime ? cb(new Error('结束时间应晚于开始时间')) : cb(),
        trigger: 'blur',
      },
    ],
    place: [{ required: true, message: '请填写会议地点', trigger: 'blur' }],
    host: [{ required: true, message: '请填写主持人', trigger: 'blur' }],
    topic: [{ required: true, message: '请填写会议主题', trigger: 'blur' }],
    minutes: intent.value === 'submit' ? [{ required: true, message: '提交前请填写会议记录', trigger: 'blur' }] : [],
  }))

  function normalizeTimes(): void {
    model.startTime = normalizeTime(model.startTime)
    model.endTime = normalizeTime(model.endTime)
  }

  /** Attendance checks before 提交 (the server checks again). Returns whether all is well. */
  function checkAttendance(): boolean {
    let ok = true
    for (const l of lines.value) {
      if (l.present === null) {
        l.error = '请选择出席或缺席'
        ok = false
      } else if (l.present === false && !l.absenceReason.trim()) {
        l.error = '请填写缺席原因'
        ok = false
      }
    }
    const c = counts.value
    if (c.expected === 0) serverErrors.fields.attendance = '请登记参会人员'
    else if (c.unmarked > 0)
      serverErrors.fields.attendance = `还有 ${c.unmarked} 人未登记出席情况：可先点「全部出席」，再把缺席的人员标为缺席并注明原因`
    else if (c.present === 0) serverErrors.fields.attendance = '请登记出席人员'
    if (c.expected === 0 || c.present === 0) ok = false
    return ok
  }

  async function scrollToFirstError(): Promise<void> {
    await nextTick()
    const el = document.querySelector<HTMLElement>('.meeting-form .is-error, .meeting-form .attendance-line.has-error, .meeting-form [data-error="true"]')
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' })
    const input = el?.querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])')
    input?.focus({ preventScroll: true })
  }

  // --- save ---------------------------------------------------------------------------------------
  /** Member ids in the order they were last sent (server errors name lines by index). */
  let sentIds: Id[] = []

  function toInput(submit: boolean): MeetingInput {
    const marked = lines.value.filter((l) => l.present !== null)
    sentIds = marked.map((l) => l.memberId)
    return {
      orgId: model.orgId,
      kind: model.kind || undefined,
      groupId: model.kind === 'GroupMeeting' ? model.groupId : null,
      heldOn: model.heldOn,
      startTime: model.startTime.trim() || null,
      endTime: model.endTime.trim() || null,
      place: model.place.trim() || null,
      host: model.host.trim() || null,
      topic: model.topic.trim() || null,
      minutes: model.minutes.trim() || null,
      attendance: marked.map((l) => ({
        memberId: l.memberId,
        present: l.present,
        absenceReason: l.present ? null : l.absenceReason.trim() || null,
      })),
      submit,
      version: detail.value?.version ?? null,
    }
  }

  /** Puts a failed save's problem on the fields and lines. */
  function applyError(e: unknown): void {
    if (!isApiError(e)) return
    if (e.status === 409) {
      conflict.value = true
      serverErrors.clear()
      serverErrors.general.value = '该记录已被他人修改。请先复制您填写的内容，再点击「重新加载」获取最新版本后重新填写。'
      return
    }
    const rest: Record<string, string[]> = {}
    let onLines = 0
    for (const [key, messages] of Object.entries(e.errors)) {
      const text = messages.filter(Boolean).join('；')
      const m = /^attendance\[(\d+)\]/i.exec(key)
      if (m) {
        const line = lines.value.find((l) => l.memberId === sentIds[Number(m[1])])
        if (line) {
          line.error = line.error ? `${line.error}；${text}` : text
          onLines++
          continue
        }
      }
      rest[key] = messages
    }
    if (onLines > 0 && Object.keys(rest).length === 0) {
      serverErrors.clear()
      return
    }
    serverErrors.apply(new ApiError(e.status, { title: e.title, detail: e.detail, errors: rest }))
  }

  async function confirmSubmit(): Promise<boolean> {
    const c = counts.value
    const label = model.kind ? KIND_LABELS[model.kind] : '会议'
    try {
      await ElMessageBox.confirm(
        `${label}「${model.topic.trim()}」，应到 ${c.expected} 人，实到 ${c.present} 人${c.absent ? `，缺席 ${c.absent} 人` : ''}。\n提交后将计入落实情况统计，不能再修改；如需更正，须由上级组织退回。`,
        '确认提交会议记录',
        { type: 'warning', confirmButtonText: '提交', cancelButtonText: '再看看', customStyle: { whiteSpace: 'pre-line' } },
      )
      return true
    } catch {
      return false
    }
  }

  /** 保存草稿 / 提交. Resolves the saved record (the page moves to its URL), or null. */
  async function save(which: 'draft' | 'submit'): Promise<MeetingDetail | null> {
    if (saving.value || !editable.value) return null
    normalizeTimes()
    intent.value = which
    serverErrors.clear()
    conflict.value = false
    clearAttendanceErrors()
    await nextTick() // rules follow the intent
    const formOk = formRef.value ? await formRef.value.validate().catch(() => false) : true
    const attendanceOk = which === 'submit' ? checkAttendance() : true
    if (!formOk || !attendanceOk) {
      ElMessage({ type: 'warning', message: which === 'submit' ? '还有内容未填写完整，请按提示补充后再提交' : '请按提示补充必填内容', grouping: true })
      void scrollToFirstError()
      return null
    }
    if (which === 'submit' && !(await confirmSubmit())) return null
    saving.value = which
    try {
      const input = toInput(which === 'submit')
      const saved = recordId.value
        ? await meetingApi.update(recordId.value, input, { handled: FORM_ERRORS })
        : await meetingApi.create(input, { handled: FORM_ERRORS })
      const created = !recordId.value
      detail.value = saved
      recordId.value = saved.id
      if (saved.status === 'Submitted') fillFrom(saved)
      markClean()
      ElMessage.success(which === 'submit' ? '会议记录已提交' : created ? '草稿已保存，现在可以上传附件' : '草稿已保存')
      if (created) handoff.set(saved.id, saved)
      return saved
    } catch (e) {
      applyError(e)
      if (isApiError(e) && FORM_ERRORS.includes(e.status as (typeof FORM_ERRORS)[number])) {
        ElMessage({ type: 'error', message: conflict.value ? '保存未成功：记录已被他人修改' : '保存未成功，请按提示修改', grouping: true })
        void scrollToFirstError()
      }
      return null
    } finally {
      saving.value = null
    }
  }

  // --- other actions ------------------------------------------------------------------------------
  async function returnForCorrection(comment: string): Promise<void> {
    const d = await meetingApi.returnForCorrection(recordId.value!, comment, { handled: FORM_ERRORS })
    fillFrom(d)
    if (d.canEdit) await refreshSource('merge')
    markClean()
  }

  /** 删除 (drafts and returned records). Resolves true when deleted. */
  async function remove(): Promise<boolean> {
    if (!recordId.value) return false
    let reason: string | null = null
    try {
      const result = await ElMessageBox.prompt('删除后该记录不再计入统计，可由管理员在审计日志中追溯。', '删除会议记录', {
        type: 'warning',
        confirmButtonText: '删除',
        cancelButtonText: '取消',
        confirmButtonClass: 'el-button--danger',
        inputType: 'textarea',
        inputPlaceholder: '删除原因（选填，如：重复录入）',
        inputValidator: (v: string) => (!v || v.trim().length <= 200 ? true : '原因不能超过200个字'),
        closeOnClickModal: false,
      })
      reason = (result as { value: string }).value?.trim() || null
    } catch {
      return false
    }
    try {
      await meetingApi.remove(recordId.value, reason)
      markClean()
      ElMessage.success('会议记录已删除')
      return true
    } catch {
      return false
    }
  }

  return {
    isNew,
    recordId,
    loading,
    notFound,
    detail,
    model,
    lines,
    formRef,
    rules,
    serverErrors,
    conflict,
    saving,
    intent,
    branchRoster,
    source,
    rosterLoading,
    orgHint,
    groups,
    fullRoster,
    pickable,
    addable,
    editable,
    status,
    counts,
    dirty,
    load,
    onOrgChange,
    onKindChange,
    onGroupChange,
    allPresent,
    setPresent,
    setReason,
    addMember,
    addAll,
    removeLine,
    normalizeTimes,
    save,
    returnForCorrection,
    remove,
    markClean,
  }
}

export type MeetingForm = ReturnType<typeof useMeetingForm>
