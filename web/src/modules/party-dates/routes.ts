import { Medal, Present } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 政治生日 and 光荣在党50年 (issue 3). */
export default defineAppModule({
  name: 'party-dates',
  routes: [
    {
      path: '/party-dates/birthdays',
      name: 'party-birthdays',
      component: () => import('./views/birthday-page.vue'),
      meta: { title: '政治生日', permission: 'orglife:read' },
    },
    {
      path: '/party-dates/medals',
      name: 'party-medals',
      component: () => import('./views/medal-page.vue'),
      meta: { title: '光荣在党50年', permission: 'orglife:read' },
    },
  ],
  menu: [
    { path: '/party-dates/birthdays', title: '政治生日', icon: Present, group: 'orglife', order: 40, permission: 'orglife:read' },
    { path: '/party-dates/medals', title: '光荣在党50年', icon: Medal, group: 'orglife', order: 42, permission: 'orglife:read' },
  ],
})
