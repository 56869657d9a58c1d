import { Bell } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 消息提醒: the notification list behind the header bell (issue 3). Every signed-in user has one. */
export default defineAppModule({
  name: 'notifications',
  routes: [
    {
      path: '/notifications',
      name: 'notifications',
      component: () => import('./views/notification-page.vue'),
      meta: { title: '消息提醒' },
    },
  ],
  menu: [{ path: '/notifications', title: '消息提醒', icon: Bell, group: 'orglife', order: 60 }],
})
