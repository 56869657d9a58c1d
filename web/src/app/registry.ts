/** Assembles routes and the sidebar from the module list. */
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import type { MenuGroup, MenuItem } from '@/shared/module'
import type { Permission } from '@/shared/types'
import { coreMenuGroups } from './menu-groups'
import { appModules } from './modules'

export const layoutRoutes: RouteRecordRaw[] = appModules.flatMap((m) => m.routes)
export const bareRoutes: RouteRecordRaw[] = appModules.flatMap((m) => m.bareRoutes ?? [])

const menuGroups: MenuGroup[] = [...coreMenuGroups, ...appModules.flatMap((m) => m.menuGroups ?? [])]
const menuItems: MenuItem[] = appModules.flatMap((m) => m.menu ?? [])

export type MenuNode =
  | { type: 'item'; item: MenuItem; order: number }
  | { type: 'group'; group: MenuGroup; items: MenuItem[]; order: number }

/** The sidebar for a user: items they may open, empty groups dropped, everything sorted. */
export function buildMenu(can: (p: Permission | readonly Permission[] | undefined) => boolean): MenuNode[] {
  const visible = menuItems.filter((i) => can(i.permission))
  const nodes: MenuNode[] = visible.filter((i) => !i.group).map((item) => ({ type: 'item', item, order: item.order }))
  for (const group of menuGroups) {
    const items = visible.filter((i) => i.group === group.key).sort((a, b) => a.order - b.order)
    if (items.length) nodes.push({ type: 'group', group, items, order: group.order })
  }
  return nodes.sort((a, b) => a.order - b.order)
}

export interface MenuTrail {
  group?: { title: string; icon: Component }
  item?: MenuItem
}

/** Where a path sits in the sidebar (for the breadcrumb and the active item). */
export function findMenuTrail(path: string): MenuTrail {
  const item =
    menuItems.find((i) => i.path === path) ??
    menuItems
      .filter((i) => i.path !== '/' && path.startsWith(`${i.path}/`))
      .sort((a, b) => b.path.length - a.path.length)[0]
  if (!item) return {}
  const group = item.group ? menuGroups.find((g) => g.key === item.group) : undefined
  return { group, item }
}
