/**
 * 配备与结构: for an organization (its subtree) — the staffing report of a year (workers per 10,000 urban
 * residents against the standard, per community) with the populations it rests on, and today's structure.
 * Organization and year are kept in the URL.
 */
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { can } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
import type { Id } from '@/shared/types'
import { workforceApi } from './api'
import type { StaffingReport, StaffingRow, StructureReport } from './types'

export function useStaffing() {
  const route = useRoute()
  const router = useRouter()
  const thisYear = new Date().getFullYear()
  const queryYear = Number(route.query.year)
  const year = ref(Number.isInteger(queryYear) && queryYear >= 2000 && queryYear <= 2100 ? queryYear : thisYear)
  const orgId = ref<Id | null>(typeof route.query.orgId === 'string' ? route.query.orgId : null)
  const staffing = shallowRef<StaffingReport | null>(null)
  const structure = shallowRef<StructureReport | null>(null)
  const loadingStaffing = ref(false)
  const loadingStructure = ref(false)
  const canWrite = computed(() => can('workforce:write'))

  async function loadStaffing(): Promise<void> {
    loadingStaffing.value = true
    try {
      staffing.value = await workforceApi.staffing(orgId.value ?? undefined, year.value)
    } catch {
      staffing.value = null
    } finally {
      loadingStaffing.value = false
    }
  }

  async function loadStructure(): Promise<void> {
    loadingStructure.value = true
    try {
      structure.value = await workforceApi.structure(orgId.value ?? undefined)
    } catch {
      structure.value = null
    } finally {
      loadingStructure.value = false
    }
  }

  watch(
    [orgId, year],
    ([org, y], old) => {
      void router.replace({ query: { ...route.query, orgId: org ?? undefined, year: y === thisYear ? undefined : String(y) } })
      void loadStaffing()
      // the structure is of today: the year does not change it
      if (!old || old[0] !== org) void loadStructure()
    },
    { immediate: true },
  )

  // --- inline edit of a community's population ----------------------------------------------------
  const editingOrg = ref<Id | null>(null)
  const editValue = ref<number | null>(null)
  const saving = ref(false)

  function startEdit(row: StaffingRow): void {
    editingOrg.value = row.orgId
    editValue.value = row.urbanResidents
  }

  function cancelEdit(): void {
    editingOrg.value = null
  }

  async function saveEdit(row: StaffingRow): Promise<void> {
    if (saving.value || editValue.value === null) return
    if (editValue.value === row.urbanResidents) {
      cancelEdit()
      return
    }
    saving.value = true
    try {
      await workforceApi.setPopulation({ orgId: row.orgId, year: year.value, urbanResidents: editValue.value })
      ElMessage.success(`已更新${row.orgName}${year.value}年城镇常住人口`)
      editingOrg.value = null
      await loadStaffing()
    } catch {
      // shown by the http client
    } finally {
      saving.value = false
    }
  }

  // --- 登记社区人口 (a community not in the report yet) ---------------------------------------------
  const addOpen = ref(false)
  const addModel = reactive<{ orgId: Id | null; urbanResidents: number | null }>({ orgId: null, urbanResidents: null })
  const addForm = useFormSubmit(['orgId', 'year', 'urbanResidents'] as const)
  const addRules: FormRules = {
    orgId: [{ required: true, message: '请选择社区', trigger: 'change' }],
    urbanResidents: [{ required: true, message: '请填写城镇常住人口', trigger: 'change' }],
  }

  function openAdd(): void {
    addModel.orgId = null
    addModel.urbanResidents = null
    addForm.serverErrors.clear()
    addForm.formRef.value?.clearValidate()
    addOpen.value = true
  }

  async function submitAdd(): Promise<void> {
    await addForm.submit(async () => {
      const row = await workforceApi.setPopulation(
        { orgId: addModel.orgId, year: year.value, urbanResidents: addModel.urbanResidents },
        { handled: FORM_ERRORS },
      )
      ElMessage.success(`已登记${row.orgName}${row.year}年城镇常住人口`)
      addOpen.value = false
      await loadStaffing()
    })
  }

  // --- 沿用上年人口 ----------------------------------------------------------------------------------
  const copying = ref(false)

  /** Enters last year's populations for this year, for the communities that have none yet. */
  async function copyLastYear(): Promise<void> {
    if (copying.value) return
    copying.value = true
    try {
      const last = await workforceApi.populations(orgId.value ?? undefined, year.value - 1)
      const have = new Set((staffing.value?.communities ?? []).map((c) => c.orgId))
      const todo = last.filter((p) => !have.has(p.orgId))
      if (todo.length === 0) {
        ElMessage.info(`${year.value - 1}年没有可沿用的人口数据`)
        return
      }
      for (const p of todo) await workforceApi.setPopulation({ orgId: p.orgId, year: year.value, urbanResidents: p.urbanResidents })
      ElMessage.success(`已沿用${year.value - 1}年 ${todo.length} 个社区的人口数据，请逐一核对`)
      await loadStaffing()
    } catch {
      // shown by the http client
    } finally {
      copying.value = false
    }
  }

  return {
    thisYear,
    year,
    orgId,
    staffing,
    structure,
    loadingStaffing,
    loadingStructure,
    canWrite,
    editingOrg,
    editValue,
    saving,
    startEdit,
    cancelEdit,
    saveEdit,
    addOpen,
    addModel,
    addRules,
    addForm,
    openAdd,
    submitAdd,
    copying,
    copyLastYear,
  }
}
