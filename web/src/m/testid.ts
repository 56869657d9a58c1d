/**
 * `v-testid="'m-description'"`: puts `data-testid` on the text control inside a Vant field (Vant passes no
 * attributes to its `<input>`/`<textarea>`), so a browser test can fill it; on the element itself otherwise.
 */
import type { Directive } from 'vue'

function apply(el: HTMLElement, id: string): void {
  const control = el.matches('input, textarea') ? el : el.querySelector<HTMLElement>('input, textarea')
  ;(control ?? el).setAttribute('data-testid', id)
}

export const vTestid: Directive<HTMLElement, string> = {
  mounted: (el, binding) => apply(el, binding.value),
  updated: (el, binding) => apply(el, binding.value),
}
