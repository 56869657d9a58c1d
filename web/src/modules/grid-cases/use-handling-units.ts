/** 承办单位: the units events can be dispatched to (by organization and kind), add/edit, 启用/停用. */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage, type FormRules } from 'element-plus'
import { oneOf } from '@/shared/api'
import { FORM_ERRORS } from '@/shared/http'
import { can, session } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { gridCasesApi } from './api'
import { HANDLING_UNIT_KINDS, type HandlingUnitKind, type HandlingUnitRow } from './types'

export interface UnitFormModel {
  orgId: string | null
  name: string
  kind: HandlingUnitKind
  contact: string
  isActive: boolean
}

export function useHandlingUnits() {
  // The server answers the whole list (no paging): the kind filter is applied here.
  const list = usePagedList<HandlingUnitRow, { orgId: string; kind: string }>({
    filters: { orgId: '', kind: '' },
    accept: { kind: (v) => !!oneOf(HANDLING_UNIT_KINDS, v) },
    fetch: async (p) => {
      const kind = oneOf(HANDLING_UNIT_KINDS, p.kind)
      const all = await gridCasesApi.units(p.orgId || undefined)
      const items = kind ? all.filter((u) => u.kind === kind) : all
      return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) }
    },
  })
  const canWrite = computed(() => can('grid:write'))
  const activeCount = computed(() => list.rows.value.filter((u) => u.isActive).length)

  // --- 启用 / 停用 ---------------------------------------------------------------------------------------------
  const toggling = reactive(new Set<string>())

  async function setActive(u: HandlingUnitRow, isActive: boolean): Promise<void> {
    toggling.add(u.id)
    try {
      const saved = await gridCasesApi.updateUnit(u.id, { name: u.name, kind: u.kind, contact: u.contact ?? null, isActive })
      list.rows.value = list.rows.value.map((x) => (x.id === saved.id ? saved : x))
      ElMessage.success(isActive ? `已启用「${saved.name}」` : `已停用「${saved.name}」，派单时不再出现`)
    } catch {
      // shown by the http client; the switch stays as it was
    } finally {
      toggling.delete(u.id)
    }
  }

  // --- 新增 / 编辑 ----------------------------------------------------------------------------------------------
  const open = ref(false)
  const editing = shallowRef<HandlingUnitRow | null>(null)
  const blank = (): UnitFormModel => ({ orgId: list.filters.orgId || session.me?.orgId || null, name: '', kind: 'Department', contact: '', isActive: true })
  const model = reactive<UnitFormModel>(blank())
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(['orgId', 'name', 'kind', 'contact', 'isActive'] as const)
  const rules = computed<FormRules<UnitFormModel>>(() => ({
    ...(editing.value ? {} : { orgId: [{ required: true, message: '请选择登记的党组织', trigger: 'change' }] }),
    name: [{ required: true, message: '请填写单位名称', trigger: 'blur' }],
    kind: [{ required: true, message: '请选择单位类型', trigger: 'change' }],
  }))

  function openNew(): void {
    editing.value = null
    Object.assign(model, blank())
    serverErrors.clear()
    open.value = true
  }

  function openEdit(u: HandlingUnitRow): void {
    editing.value = u
    Object.assign(model, { orgId: u.orgId, name: u.name, kind: u.kind, contact: u.contact ?? '', isActive: u.isActive } satisfies UnitFormModel)
    serverErrors.clear()
    open.value = true
  }

  const save = () =>
    submit(async () => {
      const body = { name: model.name.trim(), kind: model.kind, contact: model.contact.trim() || null }
      if (editing.value) await gridCasesApi.updateUnit(editing.value.id, { ...body, isActive: model.isActive }, { handled: FORM_ERRORS })
      else await gridCasesApi.createUnit({ ...body, orgId: model.orgId }, { handled: FORM_ERRORS })
      ElMessage.success(editing.value ? '承办单位已修改' : '承办单位已添加')
      open.value = false
      await list.reload()
    })

  return { list, canWrite, activeCount, toggling, setActive, open, editing, model, rules, formRef, submitting, serverErrors, openNew, openEdit, save }
}
