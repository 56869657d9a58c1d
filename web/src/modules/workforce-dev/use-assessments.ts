/** 考核评议: the entry sheet of a period (scores → combined → grade, saved row by row) and the proposals inbox. */
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { ElMessage, ElNotification } from 'element-plus'
import { oneOf } from '@/shared/api'
import { isApiError } from '@/shared/http'
import { can } from '@/shared/session'
import { promptReason, confirmAction } from '@/shared/confirm'
import { usePagedList } from '@/shared/use-paged-list'
import { devApi } from './api'
import {
  EFFECT_KINDS, EFFECT_STATUSES, GRADE_LABELS, combine, gradeOf,
  type AssessmentGrade, type AssessmentKind, type AssessmentSheet, type EffectRow, type SheetRow, type WorkforceSettingsView,
} from './types'

export interface EntryRow {
  orgRating: number | null
  residentRating: number | null
  grade: AssessmentGrade | null
  note: string
  saving: boolean
  error: string
}

export function useAssessmentSheet() {
  const lastYear = String(new Date().getFullYear() - 1)
  const settings = shallowRef<WorkforceSettingsView | null>(null)
  void devApi.settings().then((s) => (settings.value = s)).catch(() => undefined)
  const canWrite = computed(() => can('workforce:write'))
  const sheet = shallowRef<AssessmentSheet | null>(null)
  const periodError = ref('')
  const entries = reactive(new Map<string, EntryRow>())

  const list = usePagedList<SheetRow, { orgId: string; kind: string; period: string; q: string }>({
    filters: { orgId: '', kind: 'Annual', period: lastYear, q: '' },
    accept: { kind: (v) => v === 'Annual' || v === 'Routine' },
    fetch: async (p) => {
      periodError.value = ''
      try {
        const s = await devApi.sheet({
          orgId: p.orgId || undefined, kind: (p.kind as AssessmentKind) || 'Annual', period: p.period, q: p.q || undefined, page: p.page, pageSize: p.pageSize,
        })
        sheet.value = s
        entries.clear()
        for (const r of s.rows.items) entries.set(r.workerId, entryOf(r))
        return s.rows
      } catch (e) {
        sheet.value = null
        if (isApiError(e)) periodError.value = e.errors.period?.[0] ?? e.displayMessage
        throw e
      }
    },
  })

  function entryOf(r: SheetRow): EntryRow {
    const a = r.assessment
    return {
      orgRating: a?.orgRating ?? null, residentRating: a?.residentRating ?? null, grade: a?.gradeSetDirectly ? a.grade : null, note: a?.note ?? '',
      saving: false, error: '',
    }
  }

  /** The combined score and grade the row would get (null while a score is missing). */
  function preview(workerId: string): { combined: number | null; grade: AssessmentGrade | null } {
    const e = entries.get(workerId)
    const s = settings.value
    if (!e) return { combined: null, grade: null }
    if (e.grade) return { combined: null, grade: e.grade }
    if (e.orgRating == null || e.residentRating == null || !s) return { combined: null, grade: null }
    const c = combine(e.orgRating, e.residentRating, s.orgRatingWeight)
    return { combined: c, grade: gradeOf(c, s) }
  }

  function dirty(r: SheetRow): boolean {
    const e = entries.get(r.workerId)
    const a = r.assessment
    if (!e) return false
    if (!a) return e.orgRating != null || e.residentRating != null || !!e.grade
    return e.orgRating !== (a.orgRating ?? null) || e.residentRating !== (a.residentRating ?? null) || e.grade !== (a.gradeSetDirectly ? a.grade : null)
      || e.note !== (a.note ?? '')
  }

  async function save(r: SheetRow): Promise<void> {
    const e = entries.get(r.workerId)
    const s = sheet.value
    if (!e || !s || e.saving) return
    e.saving = true
    e.error = ''
    try {
      const input = {
        workerId: r.workerId, kind: s.kind, period: s.period, orgRating: e.orgRating, residentRating: e.residentRating, grade: e.grade,
        note: e.note.trim() || null, version: r.assessment?.version ?? null,
      }
      const saved = r.assessment
        ? await devApi.updateAssessment(r.assessment.id, input, { handled: [400, 409, 422] })
        : await devApi.createAssessment(input, { handled: [400, 409, 422] })
      ElMessage.success(`${r.workerName}：${saved.assessment.gradeLabel}${saved.assessment.combined != null ? `（${saved.assessment.combined.toFixed(2)} 分）` : ''}`)
      for (const p of saved.proposed)
        ElNotification({ type: 'warning', title: `已生成待审核事项：${p.kindLabel}`, message: `${p.workerName}：${p.reason}`, duration: 8000 })
      await list.reload()
    } catch (err) {
      e.error = !isApiError(err) ? '保存失败' : err.hasFieldErrors ? Object.values(err.errors).flat().join('；') : err.displayMessage
    } finally {
      e.saving = false
    }
  }

  const kindModel = computed({ get: () => list.filters.kind || 'Annual', set: (k: string) => {
    list.filters.period = k === 'Annual' ? lastYear : `${new Date().getFullYear()}Q${Math.floor(new Date().getMonth() / 3) + 1}`
    void list.setFilter('kind', k)
  } })

  return { list, settings, canWrite, sheet, periodError, entries, preview, dirty, save, kindModel, GRADE_LABELS }
}

export function useEffects(orgId: () => string) {
  const canManage = computed(() => can('workforce:manage'))
  const list = usePagedList<EffectRow, { status: string; kind: string }>({
    filters: { status: 'Pending', kind: '' },
    syncUrl: false,
    fetch: (p) =>
      devApi.effects({
        orgId: orgId() || undefined, status: oneOf(EFFECT_STATUSES, p.status), kind: oneOf(EFFECT_KINDS, p.kind), page: p.page, pageSize: p.pageSize,
      }),
  })
  watch(orgId, () => void list.search())
  const busy = ref<string | null>(null)

  async function run(e: EffectRow, action: () => Promise<EffectRow>, done: string): Promise<void> {
    busy.value = e.id
    try {
      await action()
      ElMessage.success(done)
      await list.reload()
    } finally {
      busy.value = null
    }
  }

  async function approve(e: EffectRow): Promise<void> {
    if (!(await confirmAction('审核通过', `${e.workerName}：${e.reason}。审核通过后还须“执行”才生效。`, '通过'))) return
    await run(e, () => devApi.approve(e.id, null, e.version), '已审核通过')
  }
  async function reject(e: EffectRow): Promise<void> {
    const reason = await promptReason({ title: `驳回：${e.kindLabel}`, message: `${e.workerName}：${e.reason}`, confirmText: '驳回', placeholder: '请填写驳回理由（将记入审计日志）' })
    if (reason) await run(e, () => devApi.reject(e.id, reason, e.version), '已驳回')
  }
  async function apply(e: EffectRow): Promise<void> {
    const what = e.kind === 'EarlyStepAdvance'
      ? `将为${e.workerName}登记晋档（第 ${e.newStep} 档，${e.effectiveOn} 起），并更新其当前档次。`
      : `将把${e.workerName}的状态改为“解聘”。`
    if (!(await confirmAction(`执行：${e.kindLabel}`, `${what}执行后不能撤回，确定执行？`, '执行'))) return
    await run(e, () => devApi.apply(e.id, e.version), '已执行')
  }

  return { list, canManage, busy, approve, reject, apply }
}
