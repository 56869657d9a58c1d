import { FolderOpened, Medal, Reading } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 社区工作者 — 培训、考核与档案. Menu items go in the 'workforce' group (declared by modules/workforce). */
export default defineAppModule({
  name: 'workforce-dev',
  routes: [
    { path: '/workforce/trainings', name: 'workforce-trainings', component: () => import('./views/trainings-page.vue'), meta: { title: '教育培训', permission: 'workforce:read' } },
    { path: '/workforce/trainings/:id', name: 'workforce-training', component: () => import('./views/training-page.vue'), meta: { title: '培训班', permission: 'workforce:read', activeMenu: '/workforce/trainings' } },
    { path: '/workforce/assessments', name: 'workforce-assessments', component: () => import('./views/assessments-page.vue'), meta: { title: '考核评议', permission: 'workforce:read' } },
    { path: '/workforce/archives', name: 'workforce-archives', component: () => import('./views/archives-page.vue'), meta: { title: '档案管理', permission: 'workforce:read' } },
  ],
  menu: [
    { path: '/workforce/trainings', title: '教育培训', icon: Reading, group: 'workforce', order: 60, permission: 'workforce:read' },
    { path: '/workforce/assessments', title: '考核评议', icon: Medal, group: 'workforce', order: 70, permission: 'workforce:read' },
    { path: '/workforce/archives', title: '档案管理', icon: FolderOpened, group: 'workforce', order: 80, permission: 'workforce:read' },
  ],
})
