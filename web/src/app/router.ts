import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { ElMessage } from 'element-plus'
import { setUnauthorizedHandler } from '@/shared/http'
import { safeRedirect } from '@/shared/redirect'
import { can, clearSession, ensureSession, session } from '@/shared/session'
import AppLayout from './layout/app-layout.vue'
import { bareRoutes, layoutRoutes } from './registry'

const StatusPage = () => import('./views/status-page.vue')

const routes: RouteRecordRaw[] = [
  ...bareRoutes,
  {
    path: '/',
    component: AppLayout,
    children: [
      ...layoutRoutes,
      {
        path: '/403',
        name: 'forbidden',
        component: StatusPage,
        props: { icon: 'warning', message: '您的账号没有访问该页面的权限，如需开通请联系安全管理员分配角色。' },
        meta: { title: '无权访问' },
      },
      {
        path: '/:pathMatch(.*)*',
        name: 'not-found',
        component: StatusPage,
        props: { icon: 'info', message: '您访问的页面不存在或已被移除。' },
        meta: { title: '页面不存在' },
      },
    ],
  },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  // pages outside the layout (sign-in); inside it the main area scrolls, see layout/app-layout.vue
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  const me = await ensureSession()
  if (to.meta.public) {
    if (to.name === 'login' && me) return safeRedirect(to.query.redirect)
    return true
  }
  if (!me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  if (!can(to.meta.permission)) return { name: 'forbidden', query: { from: to.fullPath } }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · 连心` : '连心 · 党建引领基层治理平台'
})

setUnauthorizedHandler(() => {
  const current = router.currentRoute.value
  if (session.me) ElMessage({ type: 'warning', message: '登录已过期，请重新登录', grouping: true })
  clearSession()
  if (!current.meta.public) {
    void router.replace({ name: 'login', query: current.fullPath === '/' ? {} : { redirect: current.fullPath } })
  }
})
