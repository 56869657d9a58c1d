import { MapLocation } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

export default defineAppModule({
  name: 'regions',
  routes: [
    {
      path: '/regions',
      name: 'regions',
      component: () => import('./views/region-page.vue'),
      // reference data: every signed-in user may look at it; region:write may change it
      meta: { title: '行政区划' },
    },
  ],
  menu: [{ path: '/regions', title: '行政区划', icon: MapLocation, group: 'org', order: 20 }],
})
