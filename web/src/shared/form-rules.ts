/** el-form rules used by more than one form. */
import type { FormItemRule } from 'element-plus'

/**
 * 确认密码: required and equal to the password field.
 * @param password reads the field to match
 * @param noun `密码` / `新密码`, for the messages
 */
export function confirmPasswordRules(password: () => string, noun = '密码'): FormItemRule[] {
  return [
    { required: true, message: `请再次输入${noun}`, trigger: 'blur' },
    {
      validator: (_rule, value: string, cb) => (value !== password() ? cb(new Error(`两次输入的${noun}不一致`)) : cb()),
      trigger: 'blur',
    },
  ]
}
