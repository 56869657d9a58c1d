import { defineAppModule } from '@/shared/module'

export default defineAppModule({
  name: 'auth',
  routes: [],
  bareRoutes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('./views/login-page.vue'),
      meta: { title: '登录', public: true },
    },
  ],
})
