/** The 移动 dialog: choose a new parent organization. */
import { reactive, ref } from 'vue'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { FORM_ERRORS } from '@/shared/http'
import { useFormSubmit } from '@/shared/use-form-submit'
import { orgApi } from './api'
import type { OrgDetail } from './types'

export function useOrgMove(onMoved: (org: OrgDetail, oldParentId: string | null) => void) {
  const open = ref(false)
  const org = ref<OrgDetail | null>(null)
  const model = reactive<{ newParentId: string | null }>({ newParentId: null })
  const form = useFormSubmit(['newParentId'] as const)
  const { serverErrors } = form

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
    const target = org.value
    if (!target) return
    const oldParentId = target.parentId ?? null
    await form.submit(async () => {
      if (!model.newParentId) return
      const moved = await orgApi.move(target.id, model.newParentId, { handled: FORM_ERRORS })
      ElMessage.success(`已将「${moved.name}」移至「${moved.pathNames.at(-2) ?? ''}」`)
      open.value = false
      onMoved(moved, oldParentId)
    })
  }

  return { open, org, model, rules, ...form, openFor, submit }
}

export type OrgMove = ReturnType<typeof useOrgMove>
