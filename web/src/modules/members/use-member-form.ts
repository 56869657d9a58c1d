import type { FormItemRule } from 'element-plus'
import { usePersonForm } from '@/modules/person-base/use-person-form'
import { memberApi } from './api'
import type { MemberDetail, MemberFormModel, MemberInput } from './types'

const EXTRA_FIELDS = ['joinedOn', 'fullMemberOn', 'status', 'category'] as const

/** A new member: 正式党员, 在职. */
function emptyExtra(): Pick<MemberFormModel, (typeof EXTRA_FIELDS)[number]> {
  return { joinedOn: null, fullMemberOn: null, status: 'Full', category: 'InService' }
}

function extraRules(model: MemberFormModel): Partial<Record<(typeof EXTRA_FIELDS)[number], FormItemRule[]>> {
  return {
    joinedOn: [
      { required: true, message: '请选择入党日期', trigger: 'change' },
      {
        validator: (_r, value: string | null, cb) =>
          value && model.birthDate && value <= model.birthDate ? cb(new Error('入党日期应晚于出生日期')) : cb(),
        trigger: 'change',
      },
    ],
    fullMemberOn: [
      {
        required: model.status === 'Full',
        message: '正式党员请填写转正日期',
        trigger: 'change',
      },
      {
        validator: (_r, value: string | null, cb) =>
          value && model.joinedOn && value < model.joinedOn ? cb(new Error('转正日期不能早于入党日期')) : cb(),
        trigger: 'change',
      },
    ],
    status: [{ required: true, message: '请选择党员状态', trigger: 'change' }],
    category: [{ required: true, message: '请选择党员类别', trigger: 'change' }],
  }
}

/** 新增 / 编辑党员. */
export function useMemberForm(onSaved: (member: MemberDetail, mode: 'create' | 'edit') => void) {
  const form = usePersonForm<MemberFormModel, MemberDetail, MemberInput, (typeof EXTRA_FIELDS)[number]>({
    api: memberApi,
    noun: '党员',
    emptyExtra,
    extraFromDetail: (d) => ({
      joinedOn: d.joinedOn,
      fullMemberOn: d.fullMemberOn ?? null,
      status: d.status,
      category: d.category,
    }),
    toInput: (base, m) => ({
      ...base,
      joinedOn: m.joinedOn,
      // a probationary member has no 转正日期 yet
      fullMemberOn: m.status === 'Probationary' ? null : m.fullMemberOn,
      status: m.status,
      category: m.category,
    }),
    extraFields: EXTRA_FIELDS,
    extraRules,
    phoneRequired: true,
    // 党员应编入党总支、党支部或党小组, not directly into a 党委
    orgLevels: ['GeneralBranch', 'Branch', 'Group'],
    onSaved,
  })

  /** After 党员状态 changed (v-model has updated the model): a 预备党员 has no 转正日期. */
  function onStatusChange(): void {
    if (form.model.status === 'Probationary') form.model.fullMemberOn = null
    form.formRef.value?.clearValidate('fullMemberOn')
  }

  return { ...form, onStatusChange }
}

export type MemberForm = ReturnType<typeof useMemberForm>
