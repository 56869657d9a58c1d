/** The 外出报备 form: register a member going away, or change an open registration (dates, contact, flow-in side). */
import { reactive, ref } from 'vue'
import type { FormRules } from 'element-plus'
import { ElMessage } from 'element-plus'
import { today } from '@/shared/format'
import { FORM_ERRORS } from '@/shared/http'
import { useFormSubmit } from '@/shared/use-form-submit'
import { mobileApi } from './api'
import { EPISODE_FORM_FIELDS, type EpisodeDetail, type EpisodeFormModel, type EpisodeInput, type FlowInOrgOption } from './types'

function blank(): EpisodeFormModel {
  return {
    memberId: null,
    destinationRegionCode: '',
    destinationRegionName: '',
    destinationAddress: '',
    reason: null,
    reasonNote: '',
    leftOn: today(),
    expectedReturnOn: null,
    contactPhone: '',
    contactWeChat: '',
    flowInOrgId: null,
  }
}

export function useEpisodeForm(onSaved: (detail: EpisodeDetail) => void) {
  const open = ref(false)
  const editing = ref<EpisodeDetail | null>(null)
  const model = reactive<EpisodeFormModel>(blank())
  const flowInOptions = ref<FlowInOrgOption[]>([])
  const flowInLoading = ref(false)
  const { formRef, submitting, serverErrors, submit } = useFormSubmit(EPISODE_FORM_FIELDS)

  const rules: FormRules<EpisodeFormModel> = {
    memberId: [{ required: true, message: '请选择外出的党员', trigger: 'change' }],
    destinationRegionCode: [
      { required: true, message: '请填写外出地行政区划代码', trigger: 'blur' },
      { pattern: /^(\d{6}|\d{9}|\d{12})$/, message: '应为6位（县级）、9位或12位数字', trigger: 'blur' },
    ],
    destinationRegionName: [{ max: 100, message: '不能超过100个字', trigger: 'blur' }],
    destinationAddress: [
      { required: true, message: '请填写在外居住地址', trigger: 'blur' },
      { max: 200, message: '不能超过200个字', trigger: 'blur' },
    ],
    reason: [{ required: true, message: '请选择外出原因', trigger: 'change' }],
    reasonNote: [
      {
        validator: (_r, v: string, cb) => (model.reason === 'Other' && !v.trim() ? cb(new Error('外出原因为“其他”时请说明')) : cb()),
        trigger: 'blur',
      },
    ],
    leftOn: [{ required: true, message: '请选择外出日期', trigger: 'change' }],
    expectedReturnOn: [
      { required: true, message: '请选择预计返回日期', trigger: 'change' },
      {
        validator: (_r, v: string | null, cb) => (v && model.leftOn && v < model.leftOn ? cb(new Error('预计返回日期不能早于外出日期')) : cb()),
        trigger: 'change',
      },
    ],
    contactPhone: [
      {
        validator: (_r, v: string, cb) => {
          const phone = v.replace(/[\s-]/g, '')
          if (!phone) return editing.value ? cb() : cb(new Error('请填写在外期间的联系电话'))
          return /^1[3-9]\d{9}$/.test(phone) ? cb() : cb(new Error('请输入11位手机号码'))
        },
        trigger: 'blur',
      },
    ],
  }

  function openNew(): void {
    editing.value = null
    Object.assign(model, blank())
    flowInOptions.value = []
    serverErrors.clear()
    open.value = true
  }

  function openEdit(d: EpisodeDetail): void {
    editing.value = d
    Object.assign(model, {
      memberId: d.member.memberId,
      destinationRegionCode: d.destinationRegionCode,
      destinationRegionName: d.destinationRegionName,
      destinationAddress: d.destinationAddress,
      reason: d.reason,
      reasonNote: d.reasonNote ?? '',
      leftOn: d.leftOn,
      expectedReturnOn: d.expectedReturnOn,
      contactPhone: '',
      contactWeChat: d.contactWeChat ?? '',
      flowInOrgId: d.flowInOrgId ?? null,
    } satisfies EpisodeFormModel)
    flowInOptions.value = d.flowInOrgId && d.flowInOrgName
      ? [{ id: d.flowInOrgId, name: d.flowInOrgName, kindLabel: d.flowInIsMobileOrg ? '流动党支部' : '', parentName: null, isMobileOrg: d.flowInIsMobileOrg }]
      : []
    serverErrors.clear()
    open.value = true
  }

  let seq = 0
  async function searchFlowIn(text: string): Promise<void> {
    const q = text.trim()
    if (q.length < 2) return
    const mine = ++seq
    flowInLoading.value = true
    try {
      const found = await mobileApi.flowInOrgs(q, { handled: [400] })
      if (mine === seq) flowInOptions.value = found
    } catch {
      if (mine === seq) flowInOptions.value = []
    } finally {
      if (mine === seq) flowInLoading.value = false
    }
  }

  function input(): EpisodeInput {
    return {
      memberId: model.memberId,
      destinationRegionCode: model.destinationRegionCode.trim(),
      destinationRegionName: model.destinationRegionName.trim() || null,
      destinationAddress: model.destinationAddress.trim(),
      reason: model.reason,
      reasonNote: model.reasonNote.trim() || null,
      leftOn: model.leftOn,
      expectedReturnOn: model.expectedReturnOn,
      contactPhone: model.contactPhone.trim() || null,
      contactWeChat: model.contactWeChat.trim() || null,
      flowInOrgId: model.flowInOrgId,
      version: editing.value?.version ?? null,
    }
  }

  const save = () =>
    submit(async () => {
      const d = editing.value
      const saved = d
        ? await mobileApi.update(d.id, input(), { handled: FORM_ERRORS })
        : await mobileApi.register(input(), { handled: FORM_ERRORS })
      ElMessage.success(d ? '外出报备已修改' : `已为${saved.member.name}登记外出报备，待审批`)
      open.value = false
      onSaved(saved)
    })

  return { open, editing, model, rules, formRef, submitting, serverErrors, save, openNew, openEdit, flowInOptions, flowInLoading, searchFlowIn }
}

export type EpisodeForm = ReturnType<typeof useEpisodeForm>
