import { defineAppModule } from '@/shared/module'

/** 流动党员 figures (issue 4): 四清, 年度统计, 走访慰问, 建言献策; menu items join the 流动党员 group. */
export default defineAppModule({
  name: 'mobile-stats',
  routes: [],
  menu: [],
})
