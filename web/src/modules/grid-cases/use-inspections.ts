/** 网格排查: the list (by organization, grid, 只看有未整改问题) and the 安排排查 dialog. */
import { computed, reactive, ref } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { gridCasesApi } from './api'
import type { InspectionDetail, InspectionKind, InspectionRow } from './types'

export interface InspectionFormModel {
  gridId: string | null
  kind: InspectionKind
  scheduledOn: string | null
  inspectors: string
  notes: string
}

export function useInspections() {
  const list = usePagedList<InspectionRow, { orgId: string; gridId: string; openFindings: string }>({
    filters: { orgId: '', gridId: '', openFindings: '' },
    accept: { openFindings: (v) => v === '1' },
    fetch: (p) =>
      gridCasesApi.inspections({
        orgId: p.orgId || undefined,
        gridId: p.gridId || undefined,
        openFindings: p.openFindings === '1' || undefined,
        page: p.page,
        pageSize: p.pageSize,
      }),
  })
  const canWrite = computed(() => can('grid:write'))

  const open = ref(false)
  const blank = (): InspectionFormModel => ({ gridId: list.filters.gridId || null, kind: 'Routine', scheduledOn: today(), inspectors: '', notes: '' })
  const model = reactive<InspectionFormModel>(blank())
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(['gridId', 'kind', 'scheduledOn', 'inspectors', 'notes'] as const)
  const rules: FormRules<InspectionFormModel> = {
    gridId: [{ required: true, message: '请选择网格', trigger: 'change' }],
    kind: [{ required: true, message: '请选择排查类型', trigger: 'change' }],
    scheduledOn: [{ required: true, message: '请选择排查日期', trigger: 'change' }],
    inspectors: [{ required: true, message: '请填写检查人员', trigger: 'blur' }],
  }

  function openNew(): void {
    Object.assign(model, blank())
    serverErrors.clear()
    open.value = true
  }

  /** Resolves the new inspection (the page opens it, to 登记问题 at once). */
  async function save(): Promise<InspectionDetail | null> {
    let created: InspectionDetail | null = null
    await submit(async () => {
      created = await gridCasesApi.schedule(
        { gridId: model.gridId, kind: model.kind, scheduledOn: model.scheduledOn, inspectors: model.inspectors.trim(), notes: model.notes.trim() || null },
        { handled: FORM_ERRORS },
      )
      ElMessage.success('排查已安排')
      open.value = false
      await list.reload()
    })
    return created
  }

  return { list, canWrite, open, model, rules, formRef, submitting, serverErrors, openNew, save }
}
