import { DataAnalysis, Grid as GridIcon, List, MapLocation } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 网格治理 (issue 6): the event queue and page, the map, figures, grids. 调解, 排查 and 承办单位 are in grid-cases. */
export default defineAppModule({
  name: 'grid',
  menuGroups: [{ key: 'grid', title: '网格治理', icon: MapLocation, order: 40 }],
  routes: [
    { path: '/grid/events', name: 'grid-events', component: () => import('./views/event-queue-page.vue'), meta: { title: '网格事件', permission: 'grid:read' } },
    { path: '/grid/events/:id', name: 'grid-event', component: () => import('./views/event-detail-page.vue'), meta: { title: '事件详情', permission: 'grid:read' } },
    { path: '/grid/map', name: 'grid-map', component: () => import('./views/event-map-page.vue'), meta: { title: '网格地图', permission: 'grid:read' } },
    { path: '/grid/figures', name: 'grid-figures', component: () => import('./views/event-figures-page.vue'), meta: { title: '事件统计', permission: 'grid:read' } },
    { path: '/grid/grids', name: 'grid-grids', component: () => import('./views/grid-list-page.vue'), meta: { title: '网格管理', permission: 'grid:read' } },
  ],
  menu: [
    { path: '/grid/events', title: '网格事件', icon: List, group: 'grid', order: 10, permission: 'grid:read' },
    { path: '/grid/map', title: '网格地图', icon: MapLocation, group: 'grid', order: 20, permission: 'grid:read' },
    { path: '/grid/figures', title: '事件统计', icon: DataAnalysis, group: 'grid', order: 30, permission: 'grid:read' },
    { path: '/grid/grids', title: '网格管理', icon: GridIcon, group: 'grid', order: 40, permission: 'grid:read' },
  ],
})
