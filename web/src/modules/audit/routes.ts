import { Tickets } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

export default defineAppModule({
  name: 'audit',
  routes: [
    {
      path: '/audit',
      name: 'audit',
      component: () => import('./views/audit-page.vue'),
      meta: { title: '审计日志', permission: 'audit:read' },
    },
  ],
  menu: [{ path: '/audit', title: '审计日志', icon: Tickets, group: 'system', order: 20, permission: 'audit:read' }],
})
