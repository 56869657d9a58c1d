import { OfficeBuilding, Setting, UserFilled } from '@element-plus/icons-vue'
import type { MenuGroup } from '@/shared/module'

/**
 * The sidebar's core groups. A module may add its own group (e.g. 组织生活 for 三会一课) through
 * `menuGroups` in its routes.ts; orders leave room in between.
 */
export const coreMenuGroups: MenuGroup[] = [
  { key: 'org', title: '组织体系', icon: OfficeBuilding, order: 10 },
  { key: 'people', title: '党员与群众', icon: UserFilled, order: 20 },
  { key: 'system', title: '系统管理', icon: Setting, order: 90 },
]
