/** The phone's position (WGS-84, as browsers report it) for an event report, with a readable reason when it fails. */
import { onBeforeUnmount, ref } from 'vue'

export type LocateState = 'idle' | 'locating' | 'located' | 'failed'

const REASONS: Record<number, string> = {
  1: '未获得定位权限，请在浏览器或系统设置中允许定位',
  2: '无法获取当前位置，请检查定位服务是否开启',
  3: '定位超时，请到开阔处重试',
}

export function useGeolocation() {
  const state = ref<LocateState>('idle')
  const lon = ref<number | null>(null)
  const lat = ref<number | null>(null)
  /** Metres, as the device reports it. */
  const accuracy = ref<number | null>(null)
  const reason = ref('')
  /** The user (or the browser's settings) refused this page the location: retrying alone will not help. */
  const denied = ref(false)
  let attempt = 0

  function fail(message: string, refused = false): void {
    state.value = 'failed'
    denied.value = refused
    lon.value = null
    lat.value = null
    accuracy.value = null
    reason.value = message
  }

  function locate(): void {
    const current = ++attempt
    if (!('geolocation' in navigator)) return fail('当前浏览器不支持定位')
    if (!window.isSecureContext) return fail('定位需要通过 HTTPS 访问本页面')
    state.value = 'locating'
    reason.value = ''
    denied.value = false
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (current !== attempt) return
        lon.value = position.coords.longitude
        lat.value = position.coords.latitude
        accuracy.value = Number.isFinite(position.coords.accuracy) ? Math.round(position.coords.accuracy) : null
        state.value = 'located'
      },
      (error) => {
        if (current !== attempt) return
        fail(REASONS[error.code] ?? (error.message || '定位失败'), error.code === error.PERMISSION_DENIED)
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 0 },
    )
  }

  // a late answer after leaving the page is ignored
  onBeforeUnmount(() => {
    attempt++
  })

  return { state, lon, lat, accuracy, reason, denied, locate }
}
