/** The 移动 dialog: choose a new parent organization. */
import { reactive, ref } from 'vue'
import type { FormInstance, FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { useServerErrors } from '@/shared/form-errors'
import { orgApi } from './api'
import type { OrgDetail } from './types'

export function useOrgMove(onMoved: (org: OrgDetail, oldParentId: string | null) => void) {
  const open = ref(false)
  const org = ref<OrgDetail | null>(null)
  const formRef = ref<FormInstance>()
  const model = reactive<{ newParentId: string | null }>({ newParentId: null })
  const submitting = ref(false)
  const serverErrors = useServerErrors(['newParentId'] as const)

  const rules: FormRules<{ newParentId: string | null }> = {
    newParentId: [
      { required: true, message: '请选择新的上级组织', trigger: 'change' },
      {
        validator: (_r, value: string | null, cb) =>
          value && value === org.value?.parentId ? cb(new Error('该组织已在所选组织之下')) : cb(),
        trigger: 'change',
      },
    ],
  }

  function openFor(target: OrgDetail): void {
    org.value = target
    model.newParentId = null
    serverErrors.clear()
    open.value = true
  }

  async function submit(): Promise<void> {
    if (submitting.value || !org.value) return
    serverErrors.clear()
    const valid = await formRef.value?.validate().catch(() => false)
    if (!valid || !model.newParentId) return
    submitting.value = true
    const oldParentId = org.value.parentId
    try {
      const moved = await orgApi.move(org.value.id, model.newParentId, { handled: FORM_ERRORS })
      ElMessage.success(`已将「${moved.name}」移至「${moved.pathNames.at(-2) ?? ''}」`)
      open.value = false
      onMoved(moved, oldParentId)
    } catch (e) {
      serverErrors.apply(e)
    } finally {
      submitting.value = false
    }
  }

  return { open, org, formRef, model, rules, submitting, serverErrors, openFor, submit }
}

export type OrgMove = ReturnType<typeof useOrgMove>
