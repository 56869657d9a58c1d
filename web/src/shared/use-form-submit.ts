/**
 * What every dialog form does around its request: the el-form ref, the submitting flag, server field
 * errors, and a `submit(action)` that validates first, runs the request once at a time and puts a
 * 400/409 problem under the fields (or above the form). The action shows its own success message.
 */
import { ref } from 'vue'
import type { FormInstance } from 'element-plus'
import { useServerErrors } from './form-errors'

export function useFormSubmit<F extends string>(fieldNames: readonly F[], aliases: Partial<Record<string, F>> = {}) {
  const formRef = ref<FormInstance>()
  const submitting = ref(false)
  const serverErrors = useServerErrors(fieldNames, aliases)

  /** Validates the form (when there is one) and runs `action`; resolves true when it succeeded. */
  async function submit(action: () => Promise<void>): Promise<boolean> {
    if (submitting.value) return false
    serverErrors.clear()
    const valid = formRef.value ? await formRef.value.validate().catch(() => false) : true
    if (!valid) return false
    submitting.value = true
    try {
      await action()
      return true
    } catch (e) {
      serverErrors.apply(e)
      return false
    } finally {
      submitting.value = false
    }
  }

  return { formRef, submitting, serverErrors, submit }
}
