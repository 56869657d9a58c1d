import { ElMessageBox, type MessageBoxInputData } from 'element-plus'

export interface ReasonPromptOptions {
  title: string
  message: string
  confirmText?: string
  placeholder?: string
}

/** Asks for a (required) reason, e.g. 删除 / 撤销. Resolves null when cancelled. */
export async function promptReason(options: ReasonPromptOptions): Promise<string | null> {
  try {
    const result = (await ElMessageBox.prompt(options.message, options.title, {
      type: 'warning',
      confirmButtonText: options.confirmText ?? '确定',
      cancelButtonText: '取消',
      confirmButtonClass: 'el-button--danger',
      inputType: 'textarea',
      inputPlaceholder: options.placeholder ?? '请填写原因（将记入审计日志）',
      inputValidator: (value: string) => (value && value.trim().length > 0 ? true : '请填写原因'),
      closeOnClickModal: false,
    })) as MessageBoxInputData
    return result.value.trim()
  } catch {
    return null
  }
}

export async function confirmAction(title: string, message: string, confirmText = '确定'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      type: 'warning',
      confirmButtonText: confirmText,
      cancelButtonText: '取消',
    })
    return true
  } catch {
    return false
  }
}
