/** 薪酬体系: the versions visible to the user (own organizations', and superiors' read-only), the 新建 and 复制 dialogs. */
import { computed, reactive, ref } from 'vue'
import { useRouter } from 'vue-router'
import { ElMessage, type FormRules } from 'element-plus'
import { confirmAction } from '@/shared/confirm'
import { can, session } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { usePagedList } from '@/shared/use-paged-list'
import { payApi } from './api'
import { defaultPostNames, type SchemeRow } from './types'

export interface NewSchemeModel {
  name: string
  orgId: string | null
  effectiveFrom: string | null
  postNames: string
  levels: number
  steps: number
  base: number | null
  levelStep: number
  stepStep: number
  postStep: number
}

export interface CopyModel {
  effectiveFrom: string | null
  orgId: string | null
  name: string
}

export function splitNames(text: string): string[] {
  return text
    .split(/[、,，\s]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

export function useSchemes() {
  const router = useRouter()
  const canManage = computed(() => can('workforce:manage'))
  const list = usePagedList<SchemeRow, { orgId: string }>({
    filters: { orgId: '' },
    fetch: (p) => payApi.schemes({ orgId: p.orgId || undefined, page: p.page, pageSize: p.pageSize }),
  })

  // 新建
  const createOpen = ref(false)
  const model = reactive<NewSchemeModel>({
    name: '社区工作者薪酬体系',
    orgId: null,
    effectiveFrom: null,
    postNames: defaultPostNames(5).join('、'),
    levels: 20,
    steps: 40,
    base: null,
    levelStep: 120,
    stepStep: 40,
    postStep: 650,
  })
  const rules: FormRules = {
    name: [{ required: true, message: '请填写名称', trigger: 'blur' }],
    orgId: [{ required: true, message: '请选择适用的组织', trigger: 'change' }],
    effectiveFrom: [{ required: true, message: '请填写生效日期', trigger: 'change' }],
    postNames: [{ required: true, message: '请填写岗的名称', trigger: 'blur' }],
  }
  const createForm = useFormSubmit(['name', 'orgId', 'effectiveFrom', 'postNames', 'levels', 'steps', 'amounts'] as const)

  function openNew(): void {
    createForm.serverErrors.clear()
    model.orgId = list.filters.orgId || session.me?.orgId || null
    createOpen.value = true
  }

  async function create(): Promise<void> {
    await createForm.submit(async () => {
      const posts = splitNames(model.postNames)
      const base = model.base
      const amounts =
        base === null
          ? undefined
          : posts.map((_, p) =>
              Array.from({ length: model.levels }, (_, l) =>
                Array.from({ length: model.steps }, (_, s) => Math.max(0, base - p * model.postStep + l * model.levelStep + s * model.stepStep)),
              ),
            )
      const created = await payApi.create(
        {
          name: model.name,
          orgId: model.orgId,
          effectiveFrom: model.effectiveFrom,
          postNames: posts,
          levels: model.levels,
          steps: model.steps,
          assistantAllowance: 100,
          socialAllowance: 300,
          seniorAllowance: 600,
          seniorityPerYear: 30,
          allowances: [],
          amounts,
        },
        { handled: [400, 409] },
      )
      createOpen.value = false
      ElMessage.success('已创建草稿，请核对金额后发布')
      await router.push({ name: 'workforce-scheme', params: { id: created.scheme.id } })
    })
  }

  // 复制
  const copyOpen = ref(false)
  const copySource = ref<SchemeRow | null>(null)
  const copyModel = reactive<CopyModel>({ effectiveFrom: null, orgId: null, name: '' })
  const copyForm = useFormSubmit(['effectiveFrom', 'orgId', 'name'] as const)

  function openCopy(row: SchemeRow): void {
    copyForm.serverErrors.clear()
    copySource.value = row
    copyModel.effectiveFrom = null
    copyModel.orgId = row.inherited ? (session.me?.orgId ?? null) : row.orgId
    copyModel.name = row.name
    copyOpen.value = true
  }

  async function copy(): Promise<void> {
    const source = copySource.value
    if (!source) return
    await copyForm.submit(async () => {
      const created = await payApi.copy(source.id, { ...copyModel }, { handled: [400, 409] })
      copyOpen.value = false
      ElMessage.success('已复制为新的草稿版本')
      await router.push({ name: 'workforce-scheme', params: { id: created.scheme.id } })
    })
  }

  async function remove(row: SchemeRow): Promise<void> {
    if (!(await confirmAction('删除版本', `删除“${row.name}”（${row.effectiveFrom}起）？`, '删除'))) return
    await payApi.remove(row.id)
    ElMessage.success('已删除')
    await list.reload()
  }

  return { list, canManage, createOpen, model, rules, createForm, openNew, create, copyOpen, copySource, copyModel, copyForm, openCopy, copy, remove }
}
