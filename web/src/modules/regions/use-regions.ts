/** /regions: lazy 行政区划 tree with 新增 / 重命名. */
import { computed, reactive, ref } from 'vue'
import type { FormRules, RenderContentContext, TreeInstance } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { useDictionaries } from '@/shared/dictionaries'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { regionApi } from './api'
import { REGION_LEVELS, type RegionLevel, type RegionNode } from './types'

type TreeNode = RenderContentContext['node']

/** The dialog's fields ('' = not filled in). */
interface RegionFormModel {
  code: string
  name: string
  level: RegionLevel | ''
}

export function useRegions() {
  const treeRef = ref<TreeInstance>()
  const treeKey = ref(0)
  const canWrite = computed(() => can('region:write'))
  const { dicts, label } = useDictionaries()

  async function load(node: TreeNode, resolve: (data: RegionNode[]) => void, reject: () => void): Promise<void> {
    try {
      resolve(await regionApi.children(node.level === 0 ? null : (node.data as RegionNode).id))
    } catch {
      reject()
    }
  }

  async function reloadChildren(parentId: string | null): Promise<void> {
    if (!parentId) {
      treeKey.value++
      return
    }
    const node = treeRef.value?.getNode(parentId) as TreeNode | undefined
    if (!node) return
    for (const child of [...node.childNodes]) node.removeChild(child)
    node.loaded = false
    node.isLeafByUser = false
    node.isLeaf = false
    ;(node.data as RegionNode).hasChildren = true
    node.expand()
  }

  // --- dialog ------------------------------------------------------------------------------------
  const open = ref(false)
  const mode = ref<'create' | 'rename'>('create')
  const parent = ref<RegionNode | null>(null)
  const target = ref<RegionNode | null>(null)
  const model = reactive<RegionFormModel>({ code: '', name: '', level: '' })
  const form = useFormSubmit(['code', 'name', 'level', 'parentId'] as const)
  const { serverErrors } = form
  const title = computed(() =>
    mode.value === 'rename' ? '重命名行政区划' : parent.value ? `新增「${parent.value.name}」的下级区划` : '新增顶级区划',
  )

  const rules = computed<FormRules<RegionFormModel>>(() => ({
    name: [{ required: true, message: '请输入名称', trigger: 'blur' }],
    ...(mode.value === 'create'
      ? {
          code: [
            { required: true, message: '请输入区划代码', trigger: 'blur' },
            { pattern: /^[0-9A-Za-z]{1,20}$/, message: '区划代码为数字或字母，不超过20位', trigger: 'blur' },
          ],
          level: [{ required: true, message: '请选择层级', trigger: 'change' }],
        }
      : {}),
  }))

  /** The level under `parentLevel` (省 → 市 → 区县 → 街道乡镇 → 社区村); the top one for a root. */
  function nextLevel(parentLevel: RegionLevel | undefined): RegionLevel | '' {
    if (!parentLevel) return REGION_LEVELS[0] ?? ''
    return REGION_LEVELS[REGION_LEVELS.indexOf(parentLevel) + 1] ?? REGION_LEVELS.at(-1) ?? ''
  }

  function openCreate(parentRegion: RegionNode | null): void {
    mode.value = 'create'
    parent.value = parentRegion
    target.value = null
    Object.assign(model, { code: parentRegion?.code ?? '', name: '', level: nextLevel(parentRegion?.level) } satisfies RegionFormModel)
    serverErrors.clear()
    open.value = true
  }

  function openRename(region: RegionNode): void {
    mode.value = 'rename'
    parent.value = null
    target.value = region
    Object.assign(model, { code: region.code, name: region.name, level: region.level } satisfies RegionFormModel)
    serverErrors.clear()
    open.value = true
  }

  const submit = () =>
    form.submit(async () => {
      if (mode.value === 'rename' && target.value) {
        await regionApi.rename(target.value.id, { name: model.name.trim() }, { handled: FORM_ERRORS })
        const node = treeRef.value?.getNode(target.value.id) as TreeNode | undefined
        if (node) (node.data as RegionNode).name = model.name.trim()
        ElMessage.success('已重命名')
      } else {
        const created = await regionApi.create(
          { parentId: parent.value?.id ?? null, code: model.code.trim(), name: model.name.trim(), level: model.level || undefined },
          { handled: FORM_ERRORS },
        )
        ElMessage.success(`已新增「${created.name}」`)
        await reloadChildren(parent.value?.id ?? null)
      }
      open.value = false
    })

  return {
    treeRef,
    treeKey,
    canWrite,
    load,
    levelLabel: (v: string) => label('regionLevels', v),
    levelOptions: computed(() => dicts.value.regionLevels),
    dialog: { open, mode, title, parent, target, model, rules, ...form, openCreate, openRename, submit },
  }
}
