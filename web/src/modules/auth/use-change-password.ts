import { reactive, ref } from 'vue'
import type { FormInstance, FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { useServerErrors } from '@/shared/form-errors'
import { authApi } from './api'

interface ChangePasswordForm {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

export function useChangePassword(onDone: () => void) {
  const formRef = ref<FormInstance>()
  const form = reactive<ChangePasswordForm>({ currentPassword: '', newPassword: '', confirmPassword: '' })
  const submitting = ref(false)
  const serverErrors = useServerErrors(['currentPassword', 'newPassword', 'confirmPassword'] as const)

  const rules: FormRules<ChangePasswordForm> = {
    currentPassword: [{ required: true, message: '请输入当前密码', trigger: 'blur' }],
    newPassword: [
      { required: true, message: '请输入新密码', trigger: 'blur' },
      {
        validator: (_rule, value: string, cb) =>
          value && value === form.currentPassword ? cb(new Error('新密码不能与当前密码相同')) : cb(),
        trigger: 'blur',
      },
    ],
    confirmPassword: [
      { required: true, message: '请再次输入新密码', trigger: 'blur' },
      {
        validator: (_rule, value: string, cb) => (value !== form.newPassword ? cb(new Error('两次输入的新密码不一致')) : cb()),
        trigger: 'blur',
      },
    ],
  }

  function reset(): void {
    Object.assign(form, { currentPassword: '', newPassword: '', confirmPassword: '' })
    serverErrors.clear()
  }

  async function submit(): Promise<void> {
    if (submitting.value) return
    serverErrors.clear()
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return
    submitting.value = true
    try {
      await authApi.changePassword(
        { currentPassword: form.currentPassword, newPassword: form.newPassword },
        { handled: FORM_ERRORS },
      )
      ElMessage.success('密码已修改')
      reset()
      onDone()
    } catch (e) {
      serverErrors.apply(e)
    } finally {
      submitting.value = false
    }
  }

  return { formRef, form, rules, submitting, serverErrors, submit, reset }
}
