/** The 新增下级组织 / 编辑 dialog for a party organization. */
import { computed, reactive, ref } from 'vue'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { useDictionaries } from '@/shared/dictionaries'
import { useFormSubmit } from '@/shared/use-form-submit'
import type { OrgLevel } from '@/shared/types'
import { orgApi } from './api'
import type { OrgDetail, OrgKind, OrgUpdateInput } from './types'

/** The dialog's fields ('' = not filled in). */
export interface OrgFormModel {
  name: string
  kind: OrgKind | ''
  regionId: string | null
  code: string
  secretaryName: string
}

const FIELDS = ['name', 'kind', 'regionId', 'code', 'secretaryName', 'parentId'] as const

const LEVEL_LABELS: Record<OrgLevel, string> = {
  Committee: '党委级',
  GeneralBranch: '党总支',
  Branch: '党支部',
  Group: '党小组',
}

function emptyModel(): OrgFormModel {
  return { name: '', kind: '', regionId: null, code: '', secretaryName: '' }
}

export function useOrgForm(onSaved: (org: OrgDetail, mode: 'create' | 'edit') => void) {
  const open = ref(false)
  const mode = ref<'create' | 'edit'>('create')
  const parent = ref<{ id: string; name: string } | null>(null)
  const editing = ref<OrgDetail | null>(null)
  const model = reactive<OrgFormModel>(emptyModel())
  const regionLabel = ref<string | null>(null)
  const form = useFormSubmit(FIELDS)
  const { serverErrors } = form
  const { dicts } = useDictionaries()

  const kindGroups = computed(() => {
    const levels = Object.keys(LEVEL_LABELS) as OrgLevel[]
    return levels
      .map((level) => ({ level, label: LEVEL_LABELS[level], kinds: dicts.value.orgKinds.filter((k) => k.level === level) }))
      .filter((g) => g.kinds.length > 0)
  })

  const title = computed(() => (mode.value === 'create' ? '新增下级组织' : '编辑党组织'))

  const rules: FormRules<OrgFormModel> = {
    name: [
      { required: true, message: '请输入组织名称', trigger: 'blur' },
      { max: 100, message: '组织名称不超过100个字', trigger: 'blur' },
    ],
    kind: [{ required: true, message: '请选择组织类别', trigger: 'change' }],
    code: [{ max: 50, message: '组织编码不超过50个字符', trigger: 'blur' }],
    secretaryName: [{ max: 50, message: '书记姓名不超过50个字', trigger: 'blur' }],
  }

  function openCreate(parentOrg: { id: string; name: string }): void {
    mode.value = 'create'
    parent.value = parentOrg
    editing.value = null
    Object.assign(model, emptyModel())
    regionLabel.value = null
    serverErrors.clear()
    open.value = true
  }

  function openEdit(org: OrgDetail): void {
    mode.value = 'edit'
    parent.value = null
    editing.value = org
    Object.assign(model, {
      name: org.name,
      kind: org.kind,
      regionId: org.regionId ?? null,
      code: org.code ?? '',
      secretaryName: org.secretaryName ?? '',
    } satisfies OrgFormModel)
    regionLabel.value = org.regionName ?? null
    serverErrors.clear()
    open.value = true
  }

  const submit = () =>
    form.submit(async () => {
      const body: OrgUpdateInput = {
        name: model.name.trim(),
        kind: model.kind || undefined,
        regionId: model.regionId || null,
        code: model.code.trim() || null,
        secretaryName: model.secretaryName.trim() || null,
      }
      let saved: OrgDetail
      if (mode.value === 'create' && parent.value) {
        saved = await orgApi.create({ ...body, parentId: parent.value.id }, { handled: FORM_ERRORS })
        ElMessage.success(`已新增「${saved.name}」`)
      } else if (editing.value) {
        saved = await orgApi.update(editing.value.id, body, { handled: FORM_ERRORS })
        ElMessage.success('已保存')
      } else {
        return
      }
      open.value = false
      onSaved(saved, mode.value)
    })

  return { open, mode, title, parent, editing, model, regionLabel, rules, kindGroups, ...form, openCreate, openEdit, submit }
}

export type OrgForm = ReturnType<typeof useOrgForm>
