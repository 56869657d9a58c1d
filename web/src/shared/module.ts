/**
 * The module contract. Each feature module exports one `AppModule` from its `routes.ts`;
 * `src/app/modules.ts` lists them and the app builds the router and the sidebar from that list.
 */
import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import type { Permission } from './types'

/** A sidebar group (submenu). Core groups live in app/menu-groups.ts; a module may add its own. */
export interface MenuGroup {
  key: string
  title: string
  icon: Component
  /** Smaller comes first. Top-level items and groups are sorted together. */
  order: number
}

export interface MenuItem {
  /** Route path the item opens (also the el-menu index). */
  path: string
  title: string
  icon?: Component
  /** Key of a MenuGroup; omit for a top-level item (like 工作台). */
  group?: string
  order: number
  /** Shown when the user holds any of these (always, when omitted). */
  permission?: Permission | readonly Permission[]
}

export interface AppModule {
  name: string
  /** Pages rendered inside the console layout (paths are absolute, e.g. `/members`). */
  routes: RouteRecordRaw[]
  /** Pages outside the layout (e.g. /login). */
  bareRoutes?: RouteRecordRaw[]
  menu?: MenuItem[]
  menuGroups?: MenuGroup[]
}

export function defineAppModule(module: AppModule): AppModule {
  return module
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title (breadcrumb, document title). */
    title?: string
    /** Needs any of these permissions; otherwise the 403 page is shown. */
    permission?: Permission | readonly Permission[]
    /** Reachable without signing in. */
    public?: boolean
    /** Sidebar entry to highlight (for sub pages). */
    activeMenu?: string
  }
}
