import { Coin, Money } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 社区工作者 — 薪酬体系与工资表. Menu items go in the 'workforce' group (declared by modules/workforce). */
export default defineAppModule({
  name: 'workforce-pay',
  routes: [
    { path: '/workforce/schemes', name: 'workforce-schemes', component: () => import('./views/schemes-page.vue'), meta: { title: '薪酬体系', permission: 'workforce:read' } },
    { path: '/workforce/schemes/:id', name: 'workforce-scheme', component: () => import('./views/scheme-editor-page.vue'), meta: { title: '薪酬体系', permission: 'workforce:read' } },
    { path: '/workforce/payroll', name: 'workforce-payroll', component: () => import('./views/payroll-page.vue'), meta: { title: '工资表', permission: 'workforce:read' } },
  ],
  menu: [
    { path: '/workforce/schemes', title: '薪酬体系', icon: Coin, group: 'workforce', order: 30, permission: 'workforce:read' },
    { path: '/workforce/payroll', title: '工资表', icon: Money, group: 'workforce', order: 40, permission: 'workforce:read' },
  ],
})
