import { Connection, DocumentChecked, OfficeBuilding } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 矛盾纠纷调解, 网格排查 and 承办单位 (issue 6); the menu items join the 网格治理 group. */
export default defineAppModule({
  name: 'grid-cases',
  routes: [
    { path: '/grid/mediations', name: 'grid-mediations', component: () => import('./views/mediations-page.vue'), meta: { title: '矛盾纠纷调解', permission: 'grid:read' } },
    { path: '/grid/inspections', name: 'grid-inspections', component: () => import('./views/inspections-page.vue'), meta: { title: '网格排查', permission: 'grid:read' } },
    { path: '/grid/units', name: 'grid-units', component: () => import('./views/units-page.vue'), meta: { title: '承办单位', permission: 'grid:read' } },
  ],
  menu: [
    { path: '/grid/mediations', title: '矛盾纠纷调解', icon: Connection, group: 'grid', order: 60, permission: 'grid:read' },
    { path: '/grid/inspections', title: '网格排查', icon: DocumentChecked, group: 'grid', order: 70, permission: 'grid:read' },
    { path: '/grid/units', title: '承办单位', icon: OfficeBuilding, group: 'grid', order: 80, permission: 'grid:read' },
  ],
})
