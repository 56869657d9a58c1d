/**
 * 本支部主题党日: a branch's year (the plans published above it, month by month, with its records). The
 * branch and year live in the URL (`?orgId&year`); without a branch, the user's own organization is used
 * when it is a branch.
 */
import { computed, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { loadDictionaries } from '@/shared/dictionaries'
import { isApiError } from '@/shared/http'
import { can, session } from '@/shared/session'
import { orgApi } from '@/modules/orgs/api'
import { orgLifeSettingsApi } from '@/modules/orglife/api'
import { themedDayApi } from './api'
import type { BranchMonth, BranchThemedDays, ThemedDayRecord, ThemedDayState } from './types'
import { thisYearMonth } from './states'

function first(v: unknown): string {
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : ''
}

export function useBranchThemedDays() {
  const route = useRoute()
  const router = useRouter()
  const ownPath = route.path
  const now = thisYearMonth()

  const orgId = ref<string>('')
  const orgName = ref<string | null>(null)
  const year = ref(now.year)
  const data = shallowRef<BranchThemedDays | null>(null)
  const loading = ref(false)
  /** Chosen organization is not a branch (or not visible). */
  const orgError = ref('')
  const resolvingDefault = ref(true)
  const maxMegabytes = ref(10)
  const canWrite = computed(() => can('orglife:write'))
  let seq = 0

  void orgLifeSettingsApi
    .get({ handled: true })
    .then((s) => (maxMegabytes.value = s.maxAttachmentMegabytes))
    .catch(() => undefined)

  async function load(): Promise<void> {
    const mine = ++seq
    orgError.value = ''
    if (!orgId.value) {
      data.value = null
      return
    }
    loading.value = true
    try {
      const result = await themedDayApi.forBranch(orgId.value, year.value, { handled: [400, 404] })
      if (mine !== seq) return
      data.value = result
      orgName.value = result.orgName
    } catch (e) {
      if (mine !== seq) return
      data.value = null
      if (isApiError(e) && (e.status === 400 || e.status === 404)) {
        orgError.value = e.status === 400 ? '请选择一个党支部：主题党日以党支部为单位记录' : '所选组织不存在或不在您的管辖范围内'
      }
    } finally {
      if (mine === seq) loading.value = false
    }
  }

  /** The user's own organization, when it is a branch. */
  async function ownBranch(): Promise<{ id: string; name: string } | null> {
    const me = session.me
    if (!me) return null
    try {
      const [roots, dicts] = await Promise.all([orgApi.children(null, { handled: true }), loadDictionaries()])
      const own = roots.find((r) => r.id === me.orgId)
      const level = own && dicts.orgKinds.find((k) => k.value === own.kind)?.level
      return own && level === 'Branch' ? { id: own.id, name: own.name } : null
    } catch {
      return null
    }
  }

  function readQuery(): void {
    orgId.value = first(route.query.orgId)
    const y = Number(first(route.query.year))
    year.value = Number.isInteger(y) && y >= 1990 && y <= 2100 ? y : now.year
  }

  function writeQuery(): void {
    const query: Record<string, string> = {}
    if (orgId.value) query.orgId = orgId.value
    if (year.value !== now.year) query.year = String(year.value)
    void router.replace({ query })
  }

  watch(
    () => route.query,
    async () => {
      if (route.path !== ownPath) return
      readQuery()
      if (!orgId.value && resolvingDefault.value) {
        const own = await ownBranch()
        resolvingDefault.value = false
        if (own) {
          orgId.value = own.id
          orgName.value = own.name
          writeQuery()
          return
        }
      }
      resolvingDefault.value = false
      await load()
    },
    { immediate: true },
  )

  function setOrg(id: string | null, name?: string | null): void {
    orgId.value = id ?? ''
    orgName.value = name ?? null
    writeQuery()
  }
  function setYear(y: number): void {
    year.value = y
    writeQuery()
  }

  /** A record was saved (or its photos changed): patch it into the page without reloading. */
  function applyRecord(r: ThemedDayRecord): void {
    const d = data.value
    if (!d) return
    data.value = {
      ...d,
      plans: d.plans.map((p) =>
        p.planId !== r.planId
          ? p
          : {
              ...p,
              months: p.months.map((m): BranchMonth => {
                if (m.month !== r.month) return m
                const state: ThemedDayState = p.requiredParts.every((x) => r.partsDone.includes(x)) ? 'Done' : 'Partial'
                return { ...m, record: r, state }
              }),
            },
      ),
    }
  }

  return { orgId, orgName, year, data, loading, orgError, resolvingDefault, canWrite, maxMegabytes, now, load, setOrg, setYear, applyRecord }
}
