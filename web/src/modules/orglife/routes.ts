import { Calendar, DataAnalysis, Notebook, Setting } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 组织生活: 三会一课 records, the computed 落实情况 (compliance) and the rules behind it (issue 3). */
export default defineAppModule({
  name: 'orglife',
  menuGroups: [{ key: 'orglife', title: '组织生活', icon: Calendar, order: 30 }],
  routes: [
    {
      path: '/orglife/meetings',
      name: 'orglife-meetings',
      component: () => import('./views/meeting-list-page.vue'),
      meta: { title: '三会一课', permission: 'orglife:read' },
    },
    {
      path: '/orglife/meetings/new',
      name: 'orglife-meeting-new',
      component: () => import('./views/meeting-form-page.vue'),
      meta: { title: '记录会议', permission: 'orglife:write', activeMenu: '/orglife/meetings' },
    },
    {
      path: '/orglife/meetings/:id',
      name: 'orglife-meeting',
      component: () => import('./views/meeting-form-page.vue'),
      meta: { title: '会议记录', permission: 'orglife:read', activeMenu: '/orglife/meetings' },
    },
    {
      path: '/orglife/compliance',
      name: 'orglife-compliance',
      component: () => import('./views/compliance-page.vue'),
      meta: { title: '落实情况', permission: 'orglife:read' },
    },
    {
      path: '/orglife/compliance/branch',
      name: 'orglife-compliance-branch',
      component: () => import('./views/branch-compliance-page.vue'),
      meta: { title: '支部落实情况', permission: 'orglife:read', activeMenu: '/orglife/compliance' },
    },
    {
      path: '/orglife/settings',
      name: 'orglife-settings',
      component: () => import('./views/settings-page.vue'),
      meta: { title: '组织生活设置', permission: ['orglife:read', 'settings:write'] },
    },
  ],
  menu: [
    { path: '/orglife/meetings', title: '三会一课', icon: Notebook, group: 'orglife', order: 10, permission: 'orglife:read' },
    { path: '/orglife/compliance', title: '落实情况', icon: DataAnalysis, group: 'orglife', order: 20, permission: 'orglife:read' },
    {
      path: '/orglife/settings',
      title: '组织生活设置',
      icon: Setting,
      group: 'orglife',
      order: 90,
      permission: ['orglife:read', 'settings:write'],
    },
  ],
})
