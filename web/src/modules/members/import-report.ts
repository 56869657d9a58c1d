/** Presentation of an import report: outcome labels, the summary sentence and the error report CSV. */
import type { ImportReport, ImportRowResult, RowOutcome } from './types'

type TagType = 'success' | 'primary' | 'info' | 'warning' | 'danger'

export const OUTCOMES: Record<RowOutcome, { label: string; tag: TagType }> = {
  Created: { label: '新增', tag: 'success' },
  Updated: { label: '更新', tag: 'primary' }, // shown in blue by the dialog (primary is party red)
  Unchanged: { label: '未变化', tag: 'info' },
  Refused: { label: '有错误', tag: 'danger' },
  NotImported: { label: '未导入', tag: 'warning' },
}

export function isProblem(row: ImportRowResult): boolean {
  return row.outcome === 'Refused'
}

/** Rows that did not go in: refused ones, and (all-or-nothing) the valid rows held back with them. */
export function notImportedCount(r: ImportReport): number {
  return r.total - r.created - r.updated - r.unchanged
}

export interface ReportVerdict {
  type: 'success' | 'warning' | 'error'
  title: string
  description: string
}

export function verdictOf(r: ImportReport): ReportVerdict {
  if (!r.committed) {
    return {
      type: 'error',
      title: `未导入任何数据：${r.refused} 行有错误`,
      description: '您选择了“全部正确才导入”，文件中只要有错误行就整个不导入。请下载错误报告，在原文件中改正后重新导入。',
    }
  }
  if (r.refused > 0) {
    return {
      type: 'warning',
      title: `已导入 ${r.created + r.updated + r.unchanged} 行，${r.refused} 行有错误未导入`,
      description: '请下载错误报告，在原文件中改正这些行后重新导入整个文件即可：已导入的行会显示为“未变化”，不会重复登记。',
    }
  }
  return {
    type: 'success',
    title: `导入完成：共 ${r.total} 行，全部导入成功`,
    description: r.unchanged === r.total ? '表格内容与系统中的登记一致，没有需要更新的党员。' : '',
  }
}

/** A CSV cell: quoted when needed; a leading = + - @ is neutralised so Excel never runs it as a formula. */
function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The refused rows as CSV, UTF-8 with BOM so Excel opens the Chinese text correctly. */
export function errorReportCsv(r: ImportReport): Blob {
  const lines = [['Excel 行号', '姓名', '导入结果', '错误原因'].map(csvCell).join(',')]
  for (const row of r.rows.filter(isProblem)) {
    lines.push([row.row, row.name ?? '', OUTCOMES[row.outcome].label, row.messages.join('；')].map(csvCell).join(','))
  }
  return new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' })
}

export function errorReportFileName(r: ImportReport): string {
  const base = r.fileName.replace(/\.xlsx$/i, '') || '党员名册'
  return `${base}_错误报告.csv`
}
