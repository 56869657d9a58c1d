/** 用户管理: list, 新增 / 编辑 (系统管理员), 分配角色 / 解锁 (安全管理员). */
import { computed, reactive, ref } from 'vue'
import type { FormInstance, FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { confirmAction } from '@/shared/confirm'
import { FORM_ERRORS } from '@/shared/http'
import { useServerErrors } from '@/shared/form-errors'
import { can } from '@/shared/session'
import { usePagedList } from '@/shared/use-paged-list'
import { userApi } from './api'
import type { UserFilters, UserRow } from './types'

interface UserFormModel {
  userName: string
  displayName: string
  orgId: string | null
  password: string
  confirmPassword: string
  roles: string[]
  isActive: boolean
}

function emptyModel(): UserFormModel {
  return { userName: '', displayName: '', orgId: null, password: '', confirmPassword: '', roles: ['工作人员'], isActive: true }
}

export function isLocked(row: UserRow): boolean {
  return !!row.lockedUntil && new Date(row.lockedUntil).getTime() > Date.now()
}

export function useUsers() {
  const list = usePagedList<UserRow, UserFilters>({
    filters: { q: '' },
    fetch: (params) => userApi.list(params),
  })
  const canWrite = computed(() => can('user:write'))
  const canAssign = computed(() => can('role:assign'))

  // --- 新增 / 编辑 --------------------------------------------------------------------------------
  const formOpen = ref(false)
  const mode = ref<'create' | 'edit'>('create')
  const editing = ref<UserRow | null>(null)
  const formRef = ref<FormInstance>()
  const model = reactive<UserFormModel>(emptyModel())
  const submitting = ref(false)
  const serverErrors = useServerErrors(['userName', 'displayName', 'orgId', 'password', 'confirmPassword', 'roles', 'isActive'] as const)

  const rules = computed<FormRules<UserFormModel>>(() => ({
    displayName: [{ required: true, message: '请输入姓名', trigger: 'blur' }],
    orgId: [{ required: true, message: '请选择所属党组织', trigger: 'change' }],
    ...(mode.value === 'create'
      ? {
          userName: [
            { required: true, message: '请输入用户名', trigger: 'blur' },
            { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: '3–32位字母、数字或 _ . -', trigger: 'blur' },
          ],
          password: [{ required: true, message: '请输入初始密码', trigger: 'blur' }],
          confirmPassword: [
            { required: true, message: '请再次输入密码', trigger: 'blur' },
            {
              validator: (_r, v: string, cb) => (v !== model.password ? cb(new Error('两次输入的密码不一致')) : cb()),
              trigger: 'blur',
            },
          ],
          roles: [{ type: 'array', required: true, message: '请至少选择一个角色', trigger: 'change' }],
        }
      : {}),
  }))

  function openCreate(): void {
    mode.value = 'create'
    editing.value = null
    Object.assign(model, emptyModel())
    serverErrors.clear()
    formOpen.value = true
  }

  function openEdit(row: UserRow): void {
    mode.value = 'edit'
    editing.value = row
    Object.assign(model, { ...emptyModel(), userName: row.userName, displayName: row.displayName, orgId: row.orgId, roles: [...row.roles], isActive: row.isActive })
    serverErrors.clear()
    formOpen.value = true
  }

  async function submit(): Promise<void> {
    if (submitting.value) return
    serverErrors.clear()
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return
    submitting.value = true
    try {
      if (mode.value === 'create') {
        await userApi.create(
          { userName: model.userName.trim(), displayName: model.displayName.trim(), orgId: model.orgId, password: model.password, roles: model.roles },
          { handled: FORM_ERRORS },
        )
        ElMessage.success(`已新增用户「${model.userName}」`)
      } else if (editing.value) {
        await userApi.update(editing.value.id, { displayName: model.displayName.trim(), orgId: model.orgId, isActive: model.isActive }, { handled: FORM_ERRORS })
        ElMessage.success('已保存')
      }
      formOpen.value = false
      await list.reload()
    } catch (e) {
      serverErrors.apply(e)
    } finally {
      submitting.value = false
    }
  }

  // --- 分配角色 ----------------------------------------------------------------------------------
  const rolesOpen = ref(false)
  const rolesTarget = ref<UserRow | null>(null)
  const rolesModel = reactive<{ roles: string[] }>({ roles: [] })
  const rolesSubmitting = ref(false)
  const rolesErrors = useServerErrors(['roles'] as const)

  function openRoles(row: UserRow): void {
    rolesTarget.value = row
    rolesModel.roles = [...row.roles]
    rolesErrors.clear()
    rolesOpen.value = true
  }

  async function submitRoles(): Promise<void> {
    if (!rolesTarget.value || rolesSubmitting.value) return
    rolesSubmitting.value = true
    try {
      await userApi.setRoles(rolesTarget.value.id, rolesModel.roles, { handled: FORM_ERRORS })
      ElMessage.success('角色已更新')
      rolesOpen.value = false
      await list.reload()
    } catch (e) {
      rolesErrors.apply(e)
    } finally {
      rolesSubmitting.value = false
    }
  }

  async function unlock(row: UserRow): Promise<void> {
    if (!(await confirmAction('解锁账号', `确定解锁用户「${row.displayName || row.userName}」吗？`, '解锁'))) return
    try {
      await userApi.unlock(row.id)
      ElMessage.success('已解锁')
      await list.reload()
    } catch {
      // shown by the http client
    }
  }

  return {
    list,
    canWrite,
    canAssign,
    form: { open: formOpen, mode, editing, formRef, model, rules, submitting, serverErrors, openCreate, openEdit, submit },
    rolesDialog: { open: rolesOpen, target: rolesTarget, model: rolesModel, submitting: rolesSubmitting, serverErrors: rolesErrors, openFor: openRoles, submit: submitRoles },
    unlock,
  }
}

export type UsersPage = ReturnType<typeof useUsers>
