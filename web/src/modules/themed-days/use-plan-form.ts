/**
 * 新建 / 编辑主题党日计划: publisher (党委、党工委或党总支), year, title, required parts and a theme per
 * month. Server field errors of a month (`themes[i].theme`) are put next to that month's row.
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { ApiError, FORM_ERRORS, isApiError } from '@/shared/http'
import { loadDictionaries } from '@/shared/dictionaries'
import { session } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import type { Id, OrgLevel } from '@/shared/types'
import { orgApi } from '@/modules/orgs/api'
import { orgLifeSettingsApi } from '@/modules/orglife/api'
import { themedPlanApi } from './api'
import type { PlanDetail, PlanFormModel, PlanInput, ThemeRowModel } from './types'
import { MONTHS } from './states'

/** Who may publish a plan. */
export const PUBLISHER_LEVELS: readonly OrgLevel[] = ['Committee', 'GeneralBranch']

const FALLBACK_PARTS = ['重温入党誓词', '过政治生日', '学习党章党规']

function emptyThemes(): ThemeRowModel[] {
  return MONTHS.map((month) => ({ month, theme: '', guidance: '' }))
}

function snapshot(m: PlanFormModel): string {
  return JSON.stringify(m)
}

export function usePlanForm() {
  const thisYear = new Date().getFullYear()
  const model = reactive<PlanFormModel>({ orgId: null, year: thisYear, title: '', requiredParts: [], themes: emptyThemes() })
  const mode = ref<'create' | 'edit'>('create')
  const loaded = shallowRef<PlanDetail | null>(null)
  const loading = ref(false)
  const loadFailed = ref(false)
  const orgLabel = ref<string | null>(null)
  /** Per month: the server's message for that row. */
  const themeErrors = reactive<Record<number, string>>({})
  const saved = ref('')
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(['orgId', 'year', 'title', 'requiredParts'] as const)

  /** Years a new plan may be for (the server's range); an older plan being edited keeps its own. */
  const years = computed(() => {
    const range = [thisYear - 1, thisYear, thisYear + 1]
    return range.includes(model.year) ? range : [model.year, ...range].sort()
  })
  const dirty = computed(() => !loading.value && !loadFailed.value && snapshot(model) !== saved.value)
  const themedCount = computed(() => model.themes.filter((t) => t.theme.trim()).length)

  const rules = computed<FormRules<PlanFormModel>>(() => ({
    orgId: [{ required: true, message: '请选择发布计划的党组织', trigger: 'change' }],
    year: [{ required: true, message: '请选择年度', trigger: 'change' }],
    title: [
      { required: true, message: '请填写计划名称', trigger: 'change' },
      { max: 100, message: '计划名称不能超过100个字', trigger: 'change' },
    ],
    requiredParts: [
      {
        validator: (_r, value: string[], cb) => {
          if (value.length > 10) return cb(new Error('必选环节最多10项'))
          if (value.some((p) => p.trim().length > 30)) return cb(new Error('每个必选环节不超过30个字'))
          cb()
        },
        trigger: 'change',
      },
    ],
  }))

  /** Client-side checks of the month rows (a guidance without a theme, too long texts). */
  function checkThemes(): boolean {
    for (const m of MONTHS) delete themeErrors[m]
    for (const row of model.themes) {
      const theme = row.theme.trim()
      if (!theme && row.guidance.trim()) themeErrors[row.month] = '已填写活动方案，请填写该月主题'
      else if (theme.length > 100) themeErrors[row.month] = '主题不能超过100个字'
      else if (row.guidance.trim().length > 2000) themeErrors[row.month] = '活动方案不能超过2000个字'
    }
    return Object.keys(themeErrors).length === 0
  }

  function fill(d: PlanDetail): void {
    model.orgId = d.orgId
    model.year = d.year
    model.title = d.title
    model.requiredParts = [...d.requiredParts]
    model.themes = emptyThemes().map((row) => {
      const t = d.themes.find((x) => x.month === row.month)
      return t ? { month: row.month, theme: t.theme, guidance: t.guidance ?? '' } : row
    })
    orgLabel.value = d.orgName
    loaded.value = d
    saved.value = snapshot(model)
  }

  /** A new plan: the user's own organization when it may publish, the default required parts. */
  async function startCreate(year: number | null): Promise<void> {
    mode.value = 'create'
    loading.value = true
    model.year = year && year >= thisYear - 1 && year <= thisYear + 1 ? year : thisYear
    model.title = `${model.year}年度主题党日活动计划`
    try {
      const [settings, roots, dicts] = await Promise.all([
        orgLifeSettingsApi.get({ handled: true }).catch(() => null),
        orgApi.children(null, { handled: true }).catch(() => []),
        loadDictionaries().catch(() => null),
      ])
      model.requiredParts = [...(settings?.themedDayRequiredParts ?? FALLBACK_PARTS)]
      const own = roots.find((r) => r.id === session.me?.orgId) ?? roots[0]
      const level = own && dicts?.orgKinds.find((k) => k.value === own.kind)?.level
      if (own && level && (PUBLISHER_LEVELS as readonly string[]).includes(level)) {
        model.orgId = own.id
        orgLabel.value = own.name
        model.title = `${own.name.replace(/^中共/, '')}${model.year}年度主题党日活动计划`
      }
    } finally {
      loading.value = false
      saved.value = snapshot(model)
    }
  }

  async function startEdit(id: Id): Promise<void> {
    mode.value = 'edit'
    loading.value = true
    loadFailed.value = false
    loaded.value = null
    try {
      const d = await themedPlanApi.get(id)
      if (d.editable) fill(d)
      else {
        loaded.value = d
        loadFailed.value = true
      }
    } catch {
      loadFailed.value = true
    } finally {
      loading.value = false
    }
  }

  function toInput(): PlanInput {
    return {
      orgId: model.orgId,
      year: model.year,
      title: model.title.trim(),
      requiredParts: model.requiredParts.map((p) => p.trim()).filter(Boolean),
      themes: model.themes
        .filter((t) => t.theme.trim())
        .map((t) => ({ month: t.month, theme: t.theme.trim(), guidance: t.guidance.trim() || null })),
      version: mode.value === 'edit' ? (loaded.value?.version ?? null) : null,
    }
  }

  /** Moves `themes[i].…` errors onto the month rows; what is left goes to the form. */
  function splitThemeErrors(e: unknown, sent: PlanInput): unknown {
    if (!isApiError(e) || !e.hasFieldErrors) return e
    const rest: Record<string, string[]> = {}
    let moved = 0
    for (const [key, messages] of Object.entries(e.errors)) {
      const match = /^themes\[(\d+)\]/i.exec(key)
      const month = match ? sent.themes?.[Number(match[1])]?.month : undefined
      if (month) {
        themeErrors[month] = [themeErrors[month], ...messages].filter(Boolean).join('；')
        moved++
      } else {
        rest[key] = messages
      }
    }
    if (!moved) return e
    return new ApiError(e.status, {
      title: Object.keys(rest).length ? e.title : '请修改标红的月份',
      errors: rest,
    })
  }

  /** Saves (create or update); resolves the saved plan, or null when invalid or failed. */
  async function save(): Promise<PlanDetail | null> {
    if (loading.value) return null
    let result: PlanDetail | null = null
    const themesOk = checkThemes()
    const ok = await submit(async () => {
      if (!themesOk) throw new ApiError(400, { title: '请修改标红的月份' })
      const input = toInput()
      try {
        result =
          mode.value === 'edit' && loaded.value
            ? await themedPlanApi.update(loaded.value.id, input, { handled: FORM_ERRORS })
            : await themedPlanApi.create(input, { handled: FORM_ERRORS })
      } catch (e) {
        throw splitThemeErrors(e, input)
      }
    })
    if (!ok || !result) return null
    fill(result)
    mode.value = 'edit'
    ElMessage.success('计划已保存')
    return result
  }

  return {
    model,
    mode,
    loaded,
    loading,
    loadFailed,
    orgLabel,
    years,
    rules,
    themeErrors,
    themedCount,
    dirty,
    formRef,
    submitting,
    serverErrors,
    startCreate,
    startEdit,
    save,
    checkThemes,
  }
}

export type PlanForm = ReturnType<typeof usePlanForm>
