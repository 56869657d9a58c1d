import { reactive, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import type { FormInstance, FormRules } from 'element-plus'
import { isApiError } from '@/shared/http'
import { signIn } from '@/shared/session'
import { safeRedirect } from '@/shared/redirect'
import type { LoginForm } from './types'

export function useLogin() {
  const route = useRoute()
  const router = useRouter()
  const formRef = ref<FormInstance>()
  const form = reactive<LoginForm>({ userName: '', password: '' })
  const loading = ref(false)
  const error = ref('')

  const rules: FormRules<LoginForm> = {
    userName: [{ required: true, message: '请输入用户名', trigger: 'blur' }],
    password: [{ required: true, message: '请输入密码', trigger: 'blur' }],
  }

  function messageOf(e: unknown): string {
    if (!isApiError(e)) return '登录失败，请稍后重试'
    if (e.status === 401) return e.title || e.detail || '用户名或密码错误'
    if (e.status === 423) return e.detail || e.title
    return e.displayMessage
  }

  async function submit(): Promise<void> {
    if (loading.value) return
    error.value = ''
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid) return
    loading.value = true
    try {
      await signIn(form.userName.trim(), form.password)
      await router.replace(safeRedirect(route.query.redirect))
    } catch (e) {
      error.value = messageOf(e)
      form.password = ''
    } finally {
      loading.value = false
    }
  }

  return { formRef, form, rules, loading, error, submit }
}
