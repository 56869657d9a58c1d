import { defineAppModule } from '@/shared/module'

/** 社区工作者 — 后备人才库、竞聘上岗与书记备案. Menu items go in the 'workforce' group (declared by modules/workforce). */
export default defineAppModule({
  name: 'workforce-talent',
  routes: [],
  menu: [],
})
