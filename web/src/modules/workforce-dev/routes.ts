import { defineAppModule } from '@/shared/module'

/** 社区工作者 — 培训、考核与档案. Menu items go in the 'workforce' group (declared by modules/workforce). */
export default defineAppModule({
  name: 'workforce-dev',
  routes: [],
  menu: [],
})
