import { House } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

export default defineAppModule({
  name: 'people',
  routes: [
    {
      path: '/people',
      name: 'people',
      component: () => import('./views/person-list-page.vue'),
      meta: { title: '居民管理', permission: 'person:read' },
    },
  ],
  menu: [{ path: '/people', title: '居民管理', icon: House, group: 'people', order: 20, permission: 'person:read' }],
})
