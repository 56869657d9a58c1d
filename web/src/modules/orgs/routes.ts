import { Share } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

export default defineAppModule({
  name: 'orgs',
  routes: [
    {
      path: '/orgs',
      name: 'orgs',
      component: () => import('./views/org-page.vue'),
      meta: { title: '党组织', permission: 'org:read' },
    },
  ],
  menu: [{ path: '/orgs', title: '党组织', icon: Share, group: 'org', order: 10, permission: 'org:read' }],
})
