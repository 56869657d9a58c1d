/** One mediation case: its 调解记录 (the drawer, with adding a session) and 办结 (the conclude dialog). */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { gridCasesApi } from './api'
import type { MediationDetail, MediationOutcome, MediationRow } from './types'

export interface SessionFormModel {
  heldOn: string | null
  place: string
  notes: string
}

export interface ConcludeFormModel {
  outcome: Exclude<MediationOutcome, 'Pending'>
  concludedOn: string | null
  note: string
}

/** A session or conclusion date: not before the case was accepted, not after today. */
function datedWithin(v: string | null, acceptedOn: string | undefined, what: string, cb: (e?: Error) => void): void {
  if (v && v > today()) cb(new Error(`${what}不能晚于今天`))
  else if (v && acceptedOn && v < acceptedOn) cb(new Error(`${what}不能早于受理日期（${acceptedOn}）`))
  else cb()
}

/** @param changed reloads what shows the case elsewhere (the list, the figures) after a change. */
export function useMediationCase(changed: () => Promise<void>) {
  const canWrite = computed(() => can('grid:write'))

  // --- 调解记录 -------------------------------------------------------------------------------------------------
  const drawerOpen = ref(false)
  const detail = shallowRef<MediationDetail | null>(null)
  /** The row the drawer was opened for (its title shows while the detail loads). */
  const opened = shallowRef<MediationRow | null>(null)
  const loading = ref(false)
  const canAddSession = computed(() => canWrite.value && detail.value?.case.outcome === 'Pending')

  const session = reactive<SessionFormModel>({ heldOn: today(), place: '', notes: '' })
  const sessionForm = useFormSubmit(['heldOn', 'place', 'notes'] as const)
  const sessionRules: FormRules<SessionFormModel> = {
    heldOn: [
      { required: true, message: '请选择调解日期', trigger: 'change' },
      { validator: (_r, v: string | null, cb) => datedWithin(v, detail.value?.case.acceptedOn, '调解日期', cb), trigger: 'change' },
    ],
    notes: [{ required: true, message: '请填写调解情况', trigger: 'blur' }],
  }

  function resetSession(): void {
    Object.assign(session, { heldOn: today(), place: detail.value?.sessions.at(-1)?.place ?? '', notes: '' } satisfies SessionFormModel)
    sessionForm.serverErrors.clear()
    sessionForm.formRef.value?.clearValidate()
  }

  async function openSessions(row: MediationRow): Promise<void> {
    opened.value = row
    detail.value = null
    drawerOpen.value = true
    loading.value = true
    try {
      detail.value = await gridCasesApi.mediation(row.id)
      resetSession()
    } catch {
      drawerOpen.value = false
    } finally {
      loading.value = false
    }
  }

  const addSession = () =>
    sessionForm.submit(async () => {
      const id = detail.value?.case.id
      if (!id) return
      detail.value = await gridCasesApi.addSession(
        id,
        { heldOn: session.heldOn, place: session.place.trim() || null, notes: session.notes.trim() },
        { handled: FORM_ERRORS },
      )
      ElMessage.success('调解记录已添加')
      resetSession()
      await changed()
    })

  // --- 办结 ----------------------------------------------------------------------------------------------------
  const concludeOpen = ref(false)
  const concluding = shallowRef<MediationRow | null>(null)
  const conclusion = reactive<ConcludeFormModel>({ outcome: 'Success', concludedOn: today(), note: '' })
  const concludeForm = useFormSubmit(['outcome', 'concludedOn', 'note'] as const)
  const concludeRules: FormRules<ConcludeFormModel> = {
    outcome: [{ required: true, message: '请选择调解结果', trigger: 'change' }],
    concludedOn: [
      { required: true, message: '请选择办结日期', trigger: 'change' },
      { validator: (_r, v: string | null, cb) => datedWithin(v, concluding.value?.acceptedOn, '办结日期', cb), trigger: 'change' },
    ],
    note: [
      {
        validator: (_r, v: string, cb) => (conclusion.outcome === 'Transferred' && !v.trim() ? cb(new Error('请写明转办的单位和原因')) : cb()),
        trigger: 'blur',
      },
    ],
  }

  function openConclude(row: MediationRow): void {
    concluding.value = row
    Object.assign(conclusion, { outcome: 'Success', concludedOn: today(), note: '' } satisfies ConcludeFormModel)
    concludeForm.serverErrors.clear()
    concludeOpen.value = true
  }

  const conclude = () =>
    concludeForm.submit(async () => {
      const row = concluding.value
      if (!row) return
      const result = await gridCasesApi.conclude(
        row.id,
        { outcome: conclusion.outcome, concludedOn: conclusion.concludedOn, note: conclusion.note.trim() || null, version: row.version },
        { handled: FORM_ERRORS },
      )
      if (detail.value?.case.id === row.id) detail.value = result
      ElMessage.success(`已办结：${result.case.outcomeLabel}`)
      concludeOpen.value = false
      await changed()
    })

  return {
    canWrite,
    drawerOpen, opened, detail, loading, canAddSession, session, sessionForm, sessionRules, openSessions, addSession, resetSession,
    concludeOpen, concluding, conclusion, concludeForm, concludeRules, openConclude, conclude,
  }
}
