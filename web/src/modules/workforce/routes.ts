import { DataAnalysis, Notebook, User } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 社区工作者 (issue 5): the roster, the worker profile, staffing standard and structure. Pay, 选聘 and 培训/考核/档案 are their own modules in the same menu group. */
export default defineAppModule({
  name: 'workforce',
  menuGroups: [{ key: 'workforce', title: '社区工作者', icon: User, order: 50 }],
  routes: [
    {
      path: '/workforce/workers',
      name: 'workforce-workers',
      component: () => import('./views/worker-list-page.vue'),
      meta: { title: '花名册', permission: 'workforce:read' },
    },
    {
      path: '/workforce/workers/:id',
      name: 'workforce-worker',
      component: () => import('./views/worker-profile-page.vue'),
      meta: { title: '社区工作者档案', permission: 'workforce:read', activeMenu: '/workforce/workers' },
    },
    {
      path: '/workforce/staffing',
      name: 'workforce-staffing',
      component: () => import('./views/staffing-page.vue'),
      meta: { title: '配备与结构', permission: 'workforce:read' },
    },
  ],
  menu: [
    { path: '/workforce/workers', title: '花名册', icon: Notebook, group: 'workforce', order: 10, permission: 'workforce:read' },
    { path: '/workforce/staffing', title: '配备与结构', icon: DataAnalysis, group: 'workforce', order: 20, permission: 'workforce:read' },
  ],
})
