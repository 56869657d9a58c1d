/**
 * One inspection, in a drawer: its findings with the photos before and after, 登记问题 (description,
 * photo, deadline) and 复查 (passed needs the after photo; not passed needs a new deadline).
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { gridCasesApi, gridSettings } from './api'
import { addDays } from './dates'
import type { FindingRow, InspectionDetail } from './types'

export interface FindingFormModel {
  description: string
  photoId: string | null
  deadline: string | null
}

export interface RecheckFormModel {
  passed: boolean | null
  photoId: string | null
  note: string
  newDeadline: string | null
}

/** @param changed reloads the list after a change (finding counts). */
export function useInspectionDetail(changed: () => Promise<void>) {
  const canWrite = computed(() => can('grid:write'))
  const maxPhotoMegabytes = ref(10)
  void gridSettings().then((s) => {
    if (s) maxPhotoMegabytes.value = s.maxPhotoMegabytes
  })

  const drawerOpen = ref(false)
  const detail = shallowRef<InspectionDetail | null>(null)
  const loading = ref(false)
  const openCount = computed(() => detail.value?.findings.filter((f) => f.status !== 'Rectified').length ?? 0)

  async function openDetail(id: string): Promise<void> {
    if (detail.value?.inspection.id !== id) detail.value = null
    drawerOpen.value = true
    loading.value = true
    try {
      detail.value = await gridCasesApi.inspection(id)
    } catch {
      drawerOpen.value = false
    } finally {
      loading.value = false
    }
  }

  // --- 登记问题 ---------------------------------------------------------------------------------------------------
  const findingOpen = ref(false)
  const finding = reactive<FindingFormModel>({ description: '', photoId: null, deadline: null })
  const findingForm = useFormSubmit(['description', 'photoId', 'deadline'] as const)
  const findingRules: FormRules<FindingFormModel> = {
    description: [{ required: true, message: '请描述发现的问题', trigger: 'blur' }],
    deadline: [
      { required: true, message: '请设定整改期限', trigger: 'change' },
      { validator: (_r, v: string | null, cb) => (v && v < today() ? cb(new Error('整改期限不能早于今天')) : cb()), trigger: 'change' },
    ],
  }

  function openFinding(): void {
    Object.assign(finding, { description: '', photoId: null, deadline: addDays(today(), 7) } satisfies FindingFormModel)
    findingForm.serverErrors.clear()
    findingOpen.value = true
  }

  const saveFinding = () =>
    findingForm.submit(async () => {
      const id = detail.value?.inspection.id
      if (!id) return
      detail.value = await gridCasesApi.addFinding(
        id,
        { description: finding.description.trim(), photoId: finding.photoId, deadline: finding.deadline },
        { handled: FORM_ERRORS },
      )
      ElMessage.success('问题已登记，等待整改')
      findingOpen.value = false
      await changed()
    })

  // --- 复查 --------------------------------------------------------------------------------------------------------
  const recheckOpen = ref(false)
  const rechecking = shallowRef<FindingRow | null>(null)
  const recheck = reactive<RecheckFormModel>({ passed: null, photoId: null, note: '', newDeadline: null })
  const recheckForm = useFormSubmit(['passed', 'photoId', 'note', 'newDeadline'] as const)
  const recheckRules: FormRules<RecheckFormModel> = {
    passed: [{ validator: (_r, v: boolean | null, cb) => (v === null ? cb(new Error('请选择复查结论')) : cb()), trigger: 'change' }],
    photoId: [
      { validator: (_r, v: string | null, cb) => (recheck.passed === true && !v ? cb(new Error('复查通过需上传整改后照片，以便前后比对')) : cb()), trigger: 'change' },
    ],
    newDeadline: [
      { validator: (_r, v: string | null, cb) => (recheck.passed === false && !v ? cb(new Error('请设定新的整改期限')) : cb()), trigger: 'change' },
      { validator: (_r, v: string | null, cb) => (recheck.passed === false && v && v < today() ? cb(new Error('新的整改期限不能早于今天')) : cb()), trigger: 'change' },
    ],
  }

  function openRecheck(f: FindingRow): void {
    rechecking.value = f
    Object.assign(recheck, { passed: null, photoId: null, note: '', newDeadline: addDays(today(), 7) } satisfies RecheckFormModel)
    recheckForm.serverErrors.clear()
    recheckOpen.value = true
  }

  const saveRecheck = () =>
    recheckForm.submit(async () => {
      const id = detail.value?.inspection.id
      const f = rechecking.value
      if (!id || !f) return
      const passed = recheck.passed === true
      detail.value = await gridCasesApi.recheck(
        id,
        f.id,
        { passed, photoId: recheck.photoId, note: recheck.note.trim() || null, newDeadline: passed ? null : recheck.newDeadline },
        { handled: FORM_ERRORS },
      )
      ElMessage.success(passed ? '复查通过，问题已销号' : '复查未通过，已重新限期整改')
      recheckOpen.value = false
      await changed()
    })

  /** 完成排查: an inspection that found nothing is recorded as carried out. */
  async function markDone(): Promise<void> {
    if (!detail.value) return
    detail.value = await gridCasesApi.markDone(detail.value.inspection.id)
  }

  return {
    canWrite, maxPhotoMegabytes, drawerOpen, detail, loading, openCount, openDetail, markDone,
    findingOpen, finding, findingForm, findingRules, openFinding, saveFinding,
    recheckOpen, rechecking, recheck, recheckForm, recheckRules, openRecheck, saveRecheck,
  }
}
