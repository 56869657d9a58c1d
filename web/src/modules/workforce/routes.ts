import { User } from '@element-plus/icons-vue'
import { defineAppModule } from '@/shared/module'

/** 社区工作者 (issue 5): the roster, the worker profile, staffing standard and structure. Pay, 选聘 and 培训/考核/档案 are their own modules in the same menu group. */
export default defineAppModule({
  name: 'workforce',
  menuGroups: [{ key: 'workforce', title: '社区工作者', icon: User, order: 50 }],
  routes: [],
  menu: [],
})
