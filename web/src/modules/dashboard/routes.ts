import { Monitor } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

export default defineAppModule({
  name: 'dashboard',
  routes: [
    {
      path: '/',
      name: 'dashboard',
      component: () => import('./views/dashboard-page.vue'),
      meta: { title: '工作台' },
    },
  ],
  menu: [{ path: '/', title: '工作台', icon: Monitor, order: 0 }],
})
