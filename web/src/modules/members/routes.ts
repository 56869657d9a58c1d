import { Avatar } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

export default defineAppModule({
  name: 'members',
  routes: [
    {
      path: '/members',
      name: 'members',
      component: () => import('./views/member-list-page.vue'),
      meta: { title: '党员管理', permission: 'member:read' },
    },
  ],
  menu: [{ path: '/members', title: '党员管理', icon: Avatar, group: 'people', order: 10, permission: 'member:read' }],
})
