import { reactive } from 'vue'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { confirmPasswordRules } from '@/shared/form-rules'
import { useFormSubmit } from '@/shared/use-form-submit'
import { authApi } from './api'
import type { ChangePasswordInput } from './types'

/** The request's fields plus 确认新密码 (console-only). */
type ChangePasswordForm = Record<keyof ChangePasswordInput | 'confirmPassword', string>

export function useChangePassword(onDone: () => void) {
  const form = reactive<ChangePasswordForm>({ currentPassword: '', newPassword: '', confirmPassword: '' })
  const { formRef, submitting, serverErrors, submit: submitForm } = useFormSubmit(['currentPassword', 'newPassword', 'confirmPassword'] as const)

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
    confirmPassword: confirmPasswordRules(() => form.newPassword, '新密码'),
  }

  function reset(): void {
    Object.assign(form, { currentPassword: '', newPassword: '', confirmPassword: '' })
    serverErrors.clear()
  }

  const submit = () =>
    submitForm(async () => {
      await authApi.changePassword(
        { currentPassword: form.currentPassword, newPassword: form.newPassword },
        { handled: FORM_ERRORS },
      )
      ElMessage.success('密码已修改')
      reset()
      onDone()
    })

  return { formRef, form, rules, submitting, serverErrors, submit, reset }
}
