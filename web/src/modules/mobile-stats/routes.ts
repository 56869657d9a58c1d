import { Bell, ChatLineSquare, DataAnalysis, Finished, Present } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 流动党员 figures (issue 4): 四清, 年度统计, 跟踪提醒, 走访慰问, 建言献策; the menu items join the 流动党员 group. */
export default defineAppModule({
  name: 'mobile-stats',
  routes: [
    { path: '/mobile/four-clear', name: 'mobile-four-clear', component: () => import('./views/four-clear-page.vue'), meta: { title: '四清', permission: 'mobile:read' } },
    { path: '/mobile/follow-up', name: 'mobile-follow-up', component: () => import('./views/follow-up-page.vue'), meta: { title: '跟踪提醒', permission: 'mobile:read' } },
    { path: '/mobile/visits', name: 'mobile-visits', component: () => import('./views/visits-page.vue'), meta: { title: '走访慰问', permission: 'mobile:read' } },
    { path: '/mobile/suggestions', name: 'mobile-suggestions', component: () => import('./views/suggestions-page.vue'), meta: { title: '建言献策', permission: 'mobile:read' } },
    { path: '/mobile/report', name: 'mobile-report', component: () => import('./views/report-page.vue'), meta: { title: '年度统计', permission: 'mobile:read' } },
  ],
  menu: [
    { path: '/mobile/follow-up', title: '跟踪提醒', icon: Bell, group: 'mobile', order: 20, permission: 'mobile:read' },
    { path: '/mobile/four-clear', title: '四清', icon: Finished, group: 'mobile', order: 30, permission: 'mobile:read' },
    { path: '/mobile/visits', title: '走访慰问', icon: Present, group: 'mobile', order: 40, permission: 'mobile:read' },
    { path: '/mobile/suggestions', title: '建言献策', icon: ChatLineSquare, group: 'mobile', order: 50, permission: 'mobile:read' },
    { path: '/mobile/report', title: '年度统计', icon: DataAnalysis, group: 'mobile', order: 60, permission: 'mobile:read' },
  ],
})
