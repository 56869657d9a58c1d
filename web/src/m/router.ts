/**
 * Routes of the phone pages (base `/m/`); every page but sign-in needs a session, a grid worker's or a
 * resident's (the same pages serve both: see ./session.ts and ./api.ts).
 */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { showToast } from 'vant'
import { setUnauthorizedHandler } from '@/shared/http'
import { safeRedirect } from '@/shared/redirect'
import { clearUser, currentUser, ensureUser } from './session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Phone pages: show the bottom tab bar. */
    tabbar?: boolean
    /** Phone pages: show a back arrow; where it goes when there is no history to go back to. */
    backTo?: string
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/login-page.vue'), meta: { public: true, title: '登录' } },
  { path: '/', name: 'home', component: () => import('./views/home-page.vue'), meta: { title: '网格随手拍', tabbar: true } },
  { path: '/report', name: 'report', component: () => import('./views/report-page.vue'), meta: { title: '随手拍上报', tabbar: true, backTo: '/' } },
  { path: '/events/:id', name: 'event', component: () => import('./views/event-page.vue'), props: true, meta: { title: '事件详情', backTo: '/' } },
  { path: '/me', name: 'me', component: () => import('./views/me-page.vue'), meta: { title: '我的', tabbar: true } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHistory('/m/'),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

router.beforeEach(async (to) => {
  const me = await ensureUser()
  if (to.meta.public) {
    if (to.name === 'login' && me) return safeRedirect(to.query.redirect)
    return true
  }
  if (!me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title && to.name !== 'home' ? `${to.meta.title} · 网格随手拍` : '连心 · 网格随手拍'
})

setUnauthorizedHandler(() => {
  const current = router.currentRoute.value
  if (currentUser()) showToast('登录已过期，请重新登录')
  clearUser()
  if (!current.meta.public) {
    void router.replace({ name: 'login', query: current.fullPath === '/' ? {} : { redirect: current.fullPath } })
  }
})
