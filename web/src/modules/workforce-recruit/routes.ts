import { Stamp } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 社区工作者 — 选聘: announcements, applications with 资格审查 and 联审, scores and ranking, 公示 and hiring. */
export default defineAppModule({
  name: 'workforce-recruit',
  routes: [
    { path: '/workforce/announcements', name: 'workforce-announcements', component: () => import('./views/announcements-page.vue'), meta: { title: '选聘', permission: 'workforce:read' } },
    {
      path: '/workforce/announcements/:id',
      name: 'workforce-announcement',
      component: () => import('./views/announcement-page.vue'),
      meta: { title: '招聘公告', permission: 'workforce:read' },
    },
  ],
  menu: [{ path: '/workforce/announcements', title: '选聘', icon: Stamp, group: 'workforce', order: 50, permission: 'workforce:read' }],
})
