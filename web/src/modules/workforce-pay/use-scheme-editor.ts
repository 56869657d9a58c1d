/**
 * The editor of one scheme version: the header (name, date, posts, levels × steps), the allowances, and the grid
 * (one post at a time) with fill helpers; one 保存 sends all of it. Import/export of the grid as Excel.
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { confirmAction } from '@/shared/confirm'
import { isApiError } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import { payApi } from './api'
import { splitNames } from './use-schemes'
import type { SchemeDetail, WorkerPost } from './types'

export interface RuleModel {
  name: string
  amount: number
  posts: WorkerPost[]
}

export interface HeaderModel {
  name: string
  effectiveFrom: string | null
  postNames: string
  levels: number
  steps: number
  assistantAllowance: number
  socialAllowance: number
  seniorAllowance: number
  seniorityPerYear: number
  note: string
  rules: RuleModel[]
}

const FIELDS = ['name', 'effectiveFrom', 'postNames', 'levels', 'steps', 'assistantAllowance', 'socialAllowance', 'seniorAllowance',
  'seniorityPerYear', 'allowances', 'note', 'amounts'] as const

export function useSchemeEditor(id: string) {
  const detail = shallowRef<SchemeDetail | null>(null)
  const loading = ref(false)
  const grid = ref<number[][][]>([])
  const dirty = ref(false)
  const activePost = ref('0')
  const importErrors = ref<string[]>([])
  const importing = ref(false)
  const header = reactive<HeaderModel>({
    name: '', effectiveFrom: null, postNames: '', levels: 1, steps: 1, assistantAllowance: 0, socialAllowance: 0, seniorAllowance: 0,
    seniorityPerYear: 0, note: '', rules: [],
  })
  const form = useFormSubmit(FIELDS)

  const editable = computed(() => !!detail.value && can('workforce:manage') && !detail.value.scheme.frozen && !detail.value.scheme.inherited)
  const posts = computed(() => detail.value?.scheme.postNames ?? [])
  const shapeChanged = computed(() => {
    const s = detail.value?.scheme
    if (!s) return false
    return splitNames(header.postNames).join('|') !== s.postNames.join('|') || header.levels !== s.levels || header.steps !== s.steps
  })

  function show(d: SchemeDetail): void {
    detail.value = d
    grid.value = d.amounts.map((p) => p.map((l) => [...l]))
    dirty.value = false
    const s = d.scheme
    Object.assign(header, {
      name: s.name, effectiveFrom: s.effectiveFrom, postNames: s.postNames.join('、'), levels: s.levels, steps: s.steps,
      assistantAllowance: d.assistantAllowance, socialAllowance: d.socialAllowance, seniorAllowance: d.seniorAllowance,
      seniorityPerYear: d.seniorityPerYear, note: d.note ?? '', rules: d.allowances.map((a) => ({ name: a.name, amount: a.amount, posts: [...a.posts] })),
    })
    if (Number(activePost.value) >= s.posts) activePost.value = '0'
  }

  async function load(): Promise<void> {
    loading.value = true
    try {
      show(await payApi.scheme(id))
    } finally {
      loading.value = false
    }
  }

  function setCell(p: number, l: number, s: number, raw: string): void {
    const v = Number(raw)
    const row = grid.value[p]?.[l]
    if (!row) return
    if (raw.trim() === '' || !Number.isFinite(v) || v < 0) {
      ElMessage.warning(`${posts.value[p]} ${l + 1}级${s + 1}档：请输入不小于0的金额`)
      grid.value = [...grid.value]
      return
    }
    row[s] = Math.round(v * 100) / 100
    dirty.value = true
  }

  /** Fills one level of the active post: the first step's amount, then + increment per step. */
  function fillRow(level: number, base: number, increment: number): void {
    const p = Number(activePost.value)
    const row = grid.value[p]?.[level]
    if (!row) return
    for (let s = 0; s < row.length; s++) row[s] = Math.round((base + s * increment) * 100) / 100
    dirty.value = true
  }

  /** Fills the whole active post: 1级1档 = base, + per level, + per step. */
  function fillPost(base: number, perLevel: number, perStep: number): void {
    const p = Number(activePost.value)
    const levels = grid.value[p]
    if (!levels) return
    levels.forEach((row, l) => row.forEach((_, s) => (row[s] = Math.round((base + l * perLevel + s * perStep) * 100) / 100)))
    dirty.value = true
  }

  /** Adds an amount to every cell of every post (an adjustment: 每格 +450). */
  function raiseAll(delta: number): void {
    grid.value.forEach((levels) => levels.forEach((row) => row.forEach((v, s) => (row[s] = Math.max(0, Math.round((v + delta) * 100) / 100)))))
    dirty.value = true
  }

  async function save(): Promise<boolean> {
    const d = detail.value
    if (!d) return false
    const resize = shapeChanged.value
    return form.submit(async () => {
      const saved = await payApi.update(
        id,
        {
          name: header.name, effectiveFrom: header.effectiveFrom, postNames: splitNames(header.postNames), levels: header.levels, steps: header.steps,
          assistantAllowance: header.assistantAllowance, socialAllowance: header.socialAllowance, seniorAllowance: header.seniorAllowance,
          seniorityPerYear: header.seniorityPerYear, note: header.note || null,
          allowances: header.rules.map((r) => ({ name: r.name, amount: r.amount, posts: r.posts })),
          amounts: resize ? null : grid.value, version: d.version,
        },
        { handled: [400, 409] },
      )
      show(saved)
      ElMessage.success(resize ? '已保存；新增的单元格为0，请填写' : '已保存')
    })
  }

  async function publish(): Promise<void> {
    const d = detail.value
    if (!d) return
    if (!(await confirmAction('发布', `发布后自 ${header.effectiveFrom} 起按此版本计发工资；生效日到来后不能再修改。确定发布？`, '发布'))) return
    if (dirty.value || shapeChanged.value) {
      if (!(await save())) return
    }
    await form.submit(async () => {
      show(await payApi.publish(id, { handled: [400, 409] }))
      ElMessage.success('已发布')
    })
  }

  async function importFile(file: File): Promise<void> {
    importErrors.value = []
    importing.value = true
    try {
      show(await payApi.importGrid(id, file))
      ElMessage.success('已从 Excel 导入全部金额')
    } catch (e) {
      if (isApiError(e)) importErrors.value = e.errors.file ?? [e.displayMessage]
      else throw e
    } finally {
      importing.value = false
    }
  }

  function addRule(): void {
    header.rules.push({ name: '', amount: 0, posts: [] })
  }

  return {
    detail, loading, grid, dirty, activePost, header, form, editable, posts, shapeChanged, importErrors, importing,
    load, setCell, fillRow, fillPost, raiseAll, save, publish, importFile, addRule,
    exportGrid: () => payApi.exportGrid(id),
  }
}
