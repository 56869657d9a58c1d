/** 发布 / 删除 of a themed-day plan, with their confirmations (list page and detail page). */
import { ElMessage } from 'element-plus'
import { confirmAction } from '@/shared/confirm'
import { themedPlanApi } from './api'
import type { PlanDetail, PlanRow } from './types'

type PlanLike = Pick<PlanRow, 'id' | 'title' | 'year' | 'themeCount'> | PlanDetail

function themeCount(plan: PlanLike): number {
  return 'themes' in plan ? plan.themes.length : plan.themeCount
}

/** Resolves the published plan, or null when cancelled / failed. */
export async function publishPlan(plan: PlanLike): Promise<PlanDetail | null> {
  const count = themeCount(plan)
  if (count === 0) {
    ElMessage.warning('计划中还没有任何月份的主题，请先编辑计划填写主题')
    return null
  }
  const ok = await confirmAction(
    '发布主题党日计划',
    `确定发布「${plan.title}」吗？发布后，下级各党支部将看到${plan.year}年${count}个月的主题并据此记录主题党日；发布后仍可修改主题内容。`,
    '发布',
  )
  if (!ok) return null
  try {
    const published = await themedPlanApi.publish(plan.id)
    ElMessage.success(`已发布「${plan.title}」`)
    return published
  } catch {
    return null
  }
}

/** Deletes a draft; resolves true when deleted. */
export async function deletePlan(plan: Pick<PlanRow, 'id' | 'title'>): Promise<boolean> {
  const ok = await confirmAction('删除计划', `确定删除草稿「${plan.title}」吗？删除后不可恢复。`, '删除')
  if (!ok) return false
  try {
    await themedPlanApi.remove(plan.id)
    ElMessage.success(`已删除「${plan.title}」`)
    return true
  } catch {
    return false
  }
}
