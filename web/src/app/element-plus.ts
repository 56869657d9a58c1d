/**
 * Element Plus, registered component by component (only what the console uses) so the bundle stays
 * small. Using a new el-* tag? Add it here. Styles: the full theme CSS (one file, cached).
 */
import type { App, Component } from 'vue'
import * as ep from 'element-plus'
import 'element-plus/dist/index.css'

// Each component named once, as a static member of the namespace import (which the bundler keeps
// tree-shakeable): the list below is all there is to edit.
const components: Component[] = [
  ep.ElAlert,
  ep.ElAside,
  ep.ElAutocomplete,
  ep.ElBadge,
  ep.ElBreadcrumb,
  ep.ElBreadcrumbItem,
  ep.ElButton,
  ep.ElCalendar,
  ep.ElCascader,
  ep.ElCard,
  ep.ElCheckbox,
  ep.ElCheckboxGroup,
  ep.ElConfigProvider,
  ep.ElContainer,
  ep.ElDatePicker,
  ep.ElDescriptions,
  ep.ElDescriptionsItem,
  ep.ElDialog,
  ep.ElDrawer,
  ep.ElDivider,
  ep.ElDropdown,
  ep.ElDropdownItem,
  ep.ElDropdownMenu,
  ep.ElEmpty,
  ep.ElForm,
  ep.ElFormItem,
  ep.ElHeader,
  ep.ElIcon,
  ep.ElImage,
  ep.ElInput,
  ep.ElInputNumber,
  ep.ElInputTag,
  ep.ElLink,
  ep.ElMain,
  ep.ElMenu,
  ep.ElMenuItem,
  ep.ElOption,
  ep.ElOptionGroup,
  ep.ElPagination,
  ep.ElPopover,
  ep.ElProgress,
  ep.ElRadio,
  ep.ElRate,
  ep.ElRadioButton,
  ep.ElRadioGroup,
  ep.ElResult,
  ep.ElScrollbar,
  ep.ElSelect,
  ep.ElStep,
  ep.ElSteps,
  ep.ElSubMenu,
  ep.ElSwitch,
  ep.ElTable,
  ep.ElTableColumn,
  ep.ElTabs,
  ep.ElTabPane,
  ep.ElTag,
  ep.ElTimeline,
  ep.ElTimelineItem,
  ep.ElTooltip,
  ep.ElTree,
  ep.ElTreeSelect,
  ep.ElUpload,
]

export function installElementPlus(app: App): void {
  for (const c of components) {
    const name = (c as { name?: string }).name
    if (name) app.component(name, c)
  }
  app.use(ep.ElLoading) // v-loading
}
