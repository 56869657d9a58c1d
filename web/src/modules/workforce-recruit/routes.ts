import { defineAppModule } from '@/shared/module'

/** 社区工作者 — 选聘. Menu items go in the 'workforce' group (declared by modules/workforce). */
export default defineAppModule({
  name: 'workforce-recruit',
  routes: [],
  menu: [],
})
