import { Van, Tickets } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 流动党员 (issue 4): 外出报备 and return, both sides' records, 定期报告, 1+N 结对. Figures are in mobile-stats. */
export default defineAppModule({
  name: 'mobile',
  menuGroups: [{ key: 'mobile', title: '流动党员', icon: Van, order: 35 }],
  routes: [
    {
      path: '/mobile/episodes',
      name: 'mobile-episodes',
      component: () => import('./views/episode-list-page.vue'),
      meta: { title: '外出报备', permission: 'mobile:read' },
    },
    {
      path: '/mobile/episodes/:id',
      name: 'mobile-episode',
      component: () => import('./views/episode-detail-page.vue'),
      meta: { title: '外出报备详情', permission: 'mobile:read' },
    },
  ],
  menu: [{ path: '/mobile/episodes', title: '外出报备', icon: Tickets, group: 'mobile', order: 10, permission: 'mobile:read' }],
})
