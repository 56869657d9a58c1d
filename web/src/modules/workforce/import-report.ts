/**
 * Presentation of a 花名册 import report: outcome labels, the summary sentence and the problem list CSV.
 * Besides the refused rows, a row of a worker already on the roster may carry notes: its 岗位/岗级档, 社区 or
 * 聘用日期 differ from the roster and were left alone (those change through 岗位变动 and the profile).
 */
import type { ImportReport, ImportRowResult, RowOutcome } from './types'

type TagType = 'success' | 'primary' | 'info' | 'warning' | 'danger'

export const OUTCOMES: Record<RowOutcome, { label: string; tag: TagType }> = {
  Created: { label: '新聘用', tag: 'success' },
  Updated: { label: '更新', tag: 'primary' }, // shown in blue by the dialog (primary is party red)
  Unchanged: { label: '未变化', tag: 'info' },
  Refused: { label: '有错误', tag: 'danger' },
  NotImported: { label: '未导入', tag: 'warning' },
}

export function isProblem(row: ImportRowResult): boolean {
  return row.outcome === 'Refused'
}

/** A worker already on the roster whose post, grade, 社区 or hire date in the file differ (not changed). */
export function hasDifference(row: ImportRowResult): boolean {
  return (row.outcome === 'Updated' || row.outcome === 'Unchanged') && row.messages.length > 0
}

/** Rows the clerk should look at: refused ones and those with differences left alone. */
export function needsAttention(row: ImportRowResult): boolean {
  return isProblem(row) || hasDifference(row)
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

const DIFFERENCE_HINT = '岗位、薪级、所在社区、聘用日期不会通过导入修改：确有变动的，请在该社区工作者的档案中登记岗位变动或办理更正。'

export function verdictOf(r: ImportReport): ReportVerdict {
  if (!r.committed) {
    return {
      type: 'error',
      title: `未导入任何数据：${r.refused} 行有错误`,
      description: '您选择了“全部正确才导入”，文件中只要有错误行就整个不导入。请下载问题清单，在原文件中改正后重新导入。',
    }
  }
  const differences = r.rows.filter(hasDifference).length
  const differenceNote = differences > 0 ? `另有 ${differences} 行与花名册的岗位、薪级、社区或聘用日期不同，这些项目未修改。${DIFFERENCE_HINT}` : ''
  if (r.refused > 0) {
    return {
      type: 'warning',
      title: `已导入 ${r.created + r.updated + r.unchanged} 行，${r.refused} 行有错误未导入`,
      description: `请下载问题清单，在原文件中改正这些行后重新导入整个文件即可：已导入的行会显示为“未变化”，不会重复聘用。${differenceNote}`,
    }
  }
  if (differences > 0) {
    return { type: 'warning', title: `导入完成：共 ${r.total} 行，${differences} 行有未修改的差异`, description: differenceNote }
  }
  return {
    type: 'success',
    title: `导入完成：共 ${r.total} 行，全部导入成功`,
    description: r.unchanged === r.total ? '表格内容与花名册一致，没有需要更新的社区工作者。' : '',
  }
}

/** A CSV cell: quoted when needed; a leading = + - @ is neutralised so Excel never runs it as a formula. */
function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The refused rows and those with differences as CSV, UTF-8 with BOM so Excel opens the Chinese text correctly. */
export function problemListCsv(r: ImportReport): Blob {
  const lines = [['Excel 行号', '姓名', '导入结果', '说明'].map(csvCell).join(',')]
  for (const row of r.rows.filter(needsAttention)) {
    lines.push([row.row, row.name ?? '', OUTCOMES[row.outcome].label, row.messages.join('；')].map(csvCell).join(','))
  }
  return new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' })
}

export function problemListFileName(r: ImportReport): string {
  const base = r.fileName.replace(/\.xlsx$/i, '') || '社区工作者花名册'
  return `${base}_问题清单.csv`
}
