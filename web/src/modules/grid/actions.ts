/**
 * The workflow actions as the console offers them: button label, style, and what the dialog asks for. The server's
 * `allowedActions` decides which appear (one state machine, checked there); this only describes them.
 */
export type ActionKey = 'Accept' | 'Merge' | 'Reject' | 'Dispatch' | 'Return' | 'Start' | 'Progress' | 'Feedback' | 'Pass' | 'Fail' | 'Rate' | 'Reopen'

export interface ActionSpec {
  key: ActionKey
  label: string
  type: 'primary' | 'success' | 'warning' | 'danger' | 'default'
  /** Ask for a note: required (with its label) or optional; omitted: no note. */
  note?: { label: string; required: boolean; placeholder: string }
  photos?: boolean
  /** The dialog picks a handling unit (or the grid itself) and a time limit. */
  dispatch?: boolean
  /** The dialog picks the original event of a duplicate. */
  duplicate?: boolean
  rating?: boolean
  /** Done at once, without a dialog. */
  direct?: boolean
}

export const ACTIONS: readonly ActionSpec[] = [
  { key: 'Accept', label: '受理', type: 'primary', direct: true },
  { key: 'Dispatch', label: '派单', type: 'primary', dispatch: true, note: { label: '派单说明', required: false, placeholder: '对承办单位的要求（选填）' } },
  { key: 'Merge', label: '合并重复', type: 'default', duplicate: true },
  { key: 'Reject', label: '不予受理', type: 'danger', note: { label: '理由', required: true, placeholder: '如：非本辖区事务，已告知上报人' } },
  { key: 'Start', label: '接单处置', type: 'primary', direct: true },
  { key: 'Progress', label: '处置进展', type: 'default', photos: true, note: { label: '进展', required: true, placeholder: '已到现场、正在协调……' } },
  { key: 'Feedback', label: '处置反馈', type: 'primary', photos: true, note: { label: '处置结果', required: true, placeholder: '处置情况和结果' } },
  { key: 'Return', label: '退单', type: 'warning', note: { label: '退单理由', required: true, placeholder: '不属本单位职责等' } },
  { key: 'Pass', label: '核查通过 · 办结', type: 'success', note: { label: '核查意见', required: false, placeholder: '现场核查情况（选填）' } },
  { key: 'Fail', label: '核查不通过', type: 'danger', photos: true, note: { label: '不通过的理由', required: true, placeholder: '现场仍存在的问题' } },
  { key: 'Reopen', label: '回头看 · 重新处置', type: 'warning', photos: true, note: { label: '回头看发现的问题', required: true, placeholder: '问题反弹的情况' } },
  { key: 'Rate', label: '回访评价', type: 'default', rating: true, note: { label: '评价意见', required: false, placeholder: '上报人的评价（电话回访录入）' } },
]

export function actionSpec(key: string): ActionSpec | undefined {
  return ACTIONS.find((a) => a.key === key)
}
