import { defineAppModule } from '@/shared/module'

/** 社区工作者 — 薪酬体系与工资表. Menu items go in the 'workforce' group (declared by modules/workforce). */
export default defineAppModule({
  name: 'workforce-pay',
  routes: [],
  menu: [],
})
