import { Flag, Tickets } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 主题党日: annual plan → month → branch (issue 3). */
export default defineAppModule({
  name: 'themed-days',
  routes: [
    {
      path: '/themed-days/plans',
      name: 'themed-plans',
      component: () => import('./views/plan-list-page.vue'),
      meta: { title: '主题党日', permission: 'orglife:read' },
    },
    {
      path: '/themed-days/plans/new',
      name: 'themed-plan-new',
      component: () => import('./views/plan-edit-page.vue'),
      meta: { title: '新建计划', permission: 'orglife:review', activeMenu: '/themed-days/plans' },
    },
    {
      path: '/themed-days/plans/:id/edit',
      name: 'themed-plan-edit',
      component: () => import('./views/plan-edit-page.vue'),
      meta: { title: '编辑计划', permission: 'orglife:review', activeMenu: '/themed-days/plans' },
    },
    {
      path: '/themed-days/plans/:id',
      name: 'themed-plan',
      component: () => import('./views/plan-detail-page.vue'),
      meta: { title: '计划完成情况', permission: 'orglife:read', activeMenu: '/themed-days/plans' },
    },
    {
      path: '/themed-days/branch',
      name: 'themed-days-branch',
      component: () => import('./views/branch-page.vue'),
      meta: { title: '本支部主题党日', permission: 'orglife:read' },
    },
  ],
  menu: [
    { path: '/themed-days/plans', title: '主题党日', icon: Flag, group: 'orglife', order: 30, permission: 'orglife:read' },
    { path: '/themed-days/branch', title: '本支部主题党日', icon: Tickets, group: 'orglife', order: 32, permission: 'orglife:read' },
  ],
})
