/** One training class: sessions, enrolment and the attendance matrix (edited locally, saved in one request). */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { devApi } from './api'
import type { AttendanceMark, TrainingDetail, WorkerRow } from './types'

export function useTrainingClass(id: string) {
  const detail = shallowRef<TrainingDetail | null>(null)
  const loading = ref(false)
  const notFound = ref(false)
  const canWrite = computed(() => can('workforce:write'))

  /** sessionId|workerId → present, as currently ticked. */
  const ticks = reactive(new Map<string, boolean>())
  const key = (sessionId: string, workerId: string) => `${sessionId}|${workerId}`
  const stored = (d: TrainingDetail, sessionId: string, workerId: string) =>
    d.enrolments.find((e) => e.workerId === workerId)?.presentAt.includes(sessionId) ?? false

  function show(d: TrainingDetail): void {
    detail.value = d
    ticks.clear()
    for (const e of d.enrolments) for (const s of d.sessions) ticks.set(key(s.id, e.workerId), e.presentAt.includes(s.id))
  }

  async function load(): Promise<void> {
    loading.value = true
    try {
      show(await devApi.training(id))
    } catch {
      notFound.value = true
    } finally {
      loading.value = false
    }
  }

  const changed = computed<AttendanceMark[]>(() => {
    const d = detail.value
    if (!d) return []
    const marks: AttendanceMark[] = []
    for (const [k, present] of ticks) {
      const [sessionId, workerId] = k.split('|') as [string, string]
      if (stored(d, sessionId, workerId) !== present) marks.push({ sessionId, workerId, present })
    }
    return marks
  })

  const savingAttendance = ref(false)
  async function saveAttendance(): Promise<void> {
    if (!changed.value.length || savingAttendance.value) return
    savingAttendance.value = true
    try {
      show(await devApi.attendance(id, changed.value))
      ElMessage.success('出勤已保存')
    } finally {
      savingAttendance.value = false
    }
  }

  /** Ticks or clears a whole session column (only sessions held by today). */
  function tickSession(sessionId: string, present: boolean): void {
    for (const e of detail.value?.enrolments ?? []) ticks.set(key(sessionId, e.workerId), present)
  }

  function attendedNow(workerId: string): number {
    return (detail.value?.sessions ?? []).filter((s) => ticks.get(key(s.id, workerId))).length
  }

  // --- 课次 ---
  const session = reactive({ date: today() as string | null, topic: '', hours: 4 as number | null })
  const sessionForm = useFormSubmit(['date', 'topic', 'hours'] as const)
  const addSession = () =>
    sessionForm.submit(async () => {
      show(await devApi.addSession(id, { date: session.date, topic: session.topic.trim(), hours: session.hours }, { handled: FORM_ERRORS }))
      session.topic = ''
      ElMessage.success('课次已添加')
    })
  async function removeSession(sessionId: string): Promise<void> {
    show(await devApi.removeSession(id, sessionId))
    ElMessage.success('课次已删除')
  }

  // --- 参训人员 ---
  const picked = ref<string[]>([])
  const options = shallowRef<WorkerRow[]>([])
  const searching = ref(false)
  async function searchWorkers(q: string): Promise<void> {
    if (!detail.value) return
    searching.value = true
    try {
      options.value = (await devApi.workers({ orgId: detail.value.class.orgId, q: q || undefined, status: 'Active', pageSize: 50 })).items
    } finally {
      searching.value = false
    }
  }
  const enrolForm = useFormSubmit(['workerIds'] as const)
  const enrol = () =>
    enrolForm.submit(async () => {
      if (!picked.value.length) return
      show(await devApi.enrol(id, picked.value, { handled: FORM_ERRORS }))
      ElMessage.success(`已添加 ${picked.value.length} 人`)
      picked.value = []
    })
  async function unenrol(workerId: string): Promise<void> {
    show(await devApi.unenrol(id, workerId))
    ElMessage.success('已移出本期培训')
  }

  return {
    detail, loading, notFound, canWrite, load, show, ticks, key, changed, savingAttendance, saveAttendance, tickSession, attendedNow,
    session, sessionForm, addSession, removeSession, picked, options, searching, searchWorkers, enrolForm, enrol, unenrol,
  }
}
