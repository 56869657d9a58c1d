/**
 * The layout's main area, not the window, is what scrolls (so the router's scrollBehavior has nothing to
 * do): the layout puts it back at the top whenever the path changes. A page that moves itself to a new
 * path while the user stays on it (a record just created, now at its own URL) keeps the position.
 */
let keepFor: string | null = null

/** The next navigation, to `path`, keeps the scroll position. */
export function keepScrollOnce(path: string): void {
  keepFor = path
}

/** Whether the navigation to `path` keeps the scroll position (asked once per navigation). */
export function takeKeepScroll(path: string): boolean {
  const keep = keepFor === path
  keepFor = null
  return keep
}
