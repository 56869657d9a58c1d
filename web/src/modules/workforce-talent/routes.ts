import { Medal, Stamp, Trophy } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 社区工作者 — 后备人才库、竞聘上岗与书记备案 (issue 5). Menu items go in the 'workforce' group (declared by modules/workforce). */
export default defineAppModule({
  name: 'workforce-talent',
  routes: [
    {
      path: '/workforce/reserve',
      name: 'workforce-reserve',
      component: () => import('./views/reserve-page.vue'),
      meta: { title: '后备人才库', permission: 'workforce:read' },
    },
    {
      path: '/workforce/competitions',
      name: 'workforce-competitions',
      component: () => import('./views/competitions-page.vue'),
      meta: { title: '竞聘上岗', permission: 'workforce:read' },
    },
    {
      path: '/workforce/secretary-filings',
      name: 'workforce-secretary-filings',
      component: () => import('./views/secretary-filings-page.vue'),
      meta: { title: '书记备案', permission: 'workforce:read' },
    },
  ],
  menu: [
    { path: '/workforce/reserve', title: '后备人才库', icon: Medal, group: 'workforce', order: 90, permission: 'workforce:read' },
    { path: '/workforce/competitions', title: '竞聘上岗', icon: Trophy, group: 'workforce', order: 91, permission: 'workforce:read' },
    { path: '/workforce/secretary-filings', title: '书记备案', icon: Stamp, group: 'workforce', order: 92, permission: 'workforce:read' },
  ],
})
