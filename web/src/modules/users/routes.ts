import { User } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

export default defineAppModule({
  name: 'users',
  routes: [
    {
      path: '/users',
      name: 'users',
      component: () => import('./views/user-list-page.vue'),
      meta: { title: '用户管理', permission: 'user:read' },
    },
  ],
  menu: [{ path: '/users', title: '用户管理', icon: User, group: 'system', order: 10, permission: 'user:read' }],
})
