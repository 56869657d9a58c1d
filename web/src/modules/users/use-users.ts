/**
 * 用户管理 (三员分立): list, 新增 / 编辑 (系统管理员, `user:write`), 分配角色 / 解锁 / 重置密码
 * (安全管理员, `role:assign`). Only a holder of `role:assign` may give roles, also when creating.
 */
import { computed, reactive, ref, shallowRef } from 'vue'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { confirmAction } from '@/shared/confirm'
import { confirmPasswordRules } from '@/shared/form-rules'
import { FORM_ERRORS } from '@/shared/http'
import { can, session } from '@/shared/session'
import { useFormSubmit } from '@/shared/use-form-submit'
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
  return { userName: '', displayName: '', orgId: null, password: '', confirmPassword: '', roles: [], isActive: true }
}

export function isLocked(row: UserRow): boolean {
  return !!row.lockedUntil && new Date(row.lockedUntil).getTime() > Date.now()
}

export function userLabel(row: UserRow): string {
  return row.displayName || row.userName
}

/** `GET /users/roles`, loaded once (only the role-assigning dialogs need it; retried when one opens). */
const roleNames = shallowRef<string[]>([])
const roleNamesLoading = ref(false)
async function loadRoleNames(): Promise<void> {
  if (roleNames.value.length || roleNamesLoading.value) return
  roleNamesLoading.value = true
  try {
    roleNames.value = await userApi.roles()
  } catch {
    // shown by the http client
  } finally {
    roleNamesLoading.value = false
  }
}

export function useUsers() {
  const list = usePagedList<UserRow, UserFilters>({
    filters: { q: '' },
    fetch: (params) => userApi.list(params),
  })
  const canWrite = computed(() => can('user:write'))
  const canAssign = computed(() => can('role:assign'))
  if (canAssign.value) void loadRoleNames()
  const isSelf = (row: UserRow) => row.id === session.me?.id

  // --- 新增 / 编辑 --------------------------------------------------------------------------------
  const formOpen = ref(false)
  const mode = ref<'create' | 'edit'>('create')
  const editing = ref<UserRow | null>(null)
  const model = reactive<UserFormModel>(emptyModel())
  const userForm = useFormSubmit(['userName', 'displayName', 'orgId', 'password', 'confirmPassword', 'roles', 'isActive'] as const)

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
          confirmPassword: confirmPasswordRules(() => model.password),
          ...(canAssign.value ? { roles: [{ type: 'array', required: true, message: '请至少选择一个角色', trigger: 'change' }] } : {}),
        }
      : {}),
  }))

  function openCreate(): void {
    mode.value = 'create'
    editing.value = null
    Object.assign(model, emptyModel())
    userForm.serverErrors.clear()
    if (canAssign.value) void loadRoleNames()
    formOpen.value = true
  }

  function openEdit(row: UserRow): void {
    mode.value = 'edit'
    editing.value = row
    Object.assign(model, {
      ...emptyModel(),
      userName: row.userName,
      displayName: row.displayName,
      orgId: row.orgId,
      roles: [...row.roles],
      isActive: row.isActive,
    } satisfies UserFormModel)
    userForm.serverErrors.clear()
    formOpen.value = true
  }

  const submit = () =>
    userForm.submit(async () => {
      if (mode.value === 'create') {
        // 三员分立: only the security administrator gives roles; anyone else creates an account without any.
        const roles = canAssign.value ? model.roles : []
        await userApi.create(
          { userName: model.userName.trim(), displayName: model.displayName.trim(), orgId: model.orgId, password: model.password, roles },
          { handled: FORM_ERRORS },
        )
        ElMessage.success(
          roles.length ? `已新增用户「${model.userName}」` : `已新增用户「${model.userName}」，请安全管理员为其分配角色后再使用`,
        )
      } else if (editing.value) {
        await userApi.update(editing.value.id, { displayName: model.displayName.trim(), orgId: model.orgId, isActive: model.isActive }, { handled: FORM_ERRORS })
        ElMessage.success('已保存')
      }
      formOpen.value = false
      await list.reload()
    })

  // --- 分配角色 ----------------------------------------------------------------------------------
  const rolesOpen = ref(false)
  const rolesTarget = ref<UserRow | null>(null)
  const rolesModel = reactive<{ roles: string[] }>({ roles: [] })
  const rolesForm = useFormSubmit(['roles'] as const)

  function openRoles(row: UserRow): void {
    rolesTarget.value = row
    rolesModel.roles = [...row.roles]
    rolesForm.serverErrors.clear()
    void loadRoleNames()
    rolesOpen.value = true
  }

  const submitRoles = () =>
    rolesForm.submit(async () => {
      if (!rolesTarget.value) return
      await userApi.setRoles(rolesTarget.value.id, rolesModel.roles, { handled: FORM_ERRORS })
      ElMessage.success('角色已更新')
      rolesOpen.value = false
      await list.reload()
    })

  // --- 重置密码 ----------------------------------------------------------------------------------
  const passwordOpen = ref(false)
  const passwordTarget = ref<UserRow | null>(null)
  const passwordModel = reactive({ newPassword: '', confirmPassword: '' })
  const passwordForm = useFormSubmit(['newPassword', 'confirmPassword'] as const)
  const passwordRules: FormRules<typeof passwordModel> = {
    newPassword: [{ required: true, message: '请输入新密码', trigger: 'blur' }],
    confirmPassword: confirmPasswordRules(() => passwordModel.newPassword, '新密码'),
  }

  function openPassword(row: UserRow): void {
    passwordTarget.value = row
    Object.assign(passwordModel, { newPassword: '', confirmPassword: '' })
    passwordForm.serverErrors.clear()
    passwordOpen.value = true
  }

  const submitPassword = () =>
    passwordForm.submit(async () => {
      const row = passwordTarget.value
      if (!row) return
      await userApi.resetPassword(row.id, passwordModel.newPassword, { handled: FORM_ERRORS })
      passwordOpen.value = false
      ElMessage.success({
        message: `已重置「${userLabel(row)}」的密码，该用户在其他地方的登录均已结束，需用新密码重新登录`,
        duration: 5000,
      })
    })

  // --- 解锁 --------------------------------------------------------------------------------------
  async function unlock(row: UserRow): Promise<void> {
    if (!(await confirmAction('解锁账号', `确定解锁用户「${userLabel(row)}」吗？`, '解锁'))) return
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
    isSelf,
    form: { open: formOpen, mode, editing, model, rules, canAssign, roleNames, ...userForm, openCreate, openEdit, submit },
    rolesDialog: { open: rolesOpen, target: rolesTarget, model: rolesModel, roleNames, roleNamesLoading, ...rolesForm, openFor: openRoles, submit: submitRoles },
    passwordDialog: { open: passwordOpen, target: passwordTarget, model: passwordModel, rules: passwordRules, ...passwordForm, openFor: openPassword, submit: submitPassword },
    unlock,
  }
}

export type UsersPage = ReturnType<typeof useUsers>
