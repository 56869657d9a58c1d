/**
 * Thin fetch wrapper for the Lianxin API (/api/v1).
 *
 * - cookie session (`credentials: 'same-origin'`)
 * - antiforgery: `GET /auth/antiforgery` issues the `XSRF-TOKEN` cookie; unsafe requests echo it
 *   in the `X-XSRF-TOKEN` header
 * - errors are RFC 7807 problem+json, surfaced as a typed {@link ApiError}
 * - 401 hands over to the registered unauthorized handler (the router sends the user to /login)
 * - anything the caller did not declare as handled is shown with ElMessage
 */
import { ElMessage } from 'element-plus'
import type { QueryParams } from './types'

export const API_BASE = '/api/v1'
const XSRF_COOKIE = 'XSRF-TOKEN'
const XSRF_HEADER = 'X-XSRF-TOKEN'

export interface ProblemDetails {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: Record<string, string[]>
}

const FALLBACK_TITLES: Record<number, string> = {
  0: '无法连接服务器，请检查网络',
  400: '请求参数有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '记录不存在或不在您的管辖范围内',
  409: '数据冲突，请刷新后重试',
  423: '账号已锁定',
  429: '操作过于频繁，请稍后再试',
  500: '服务器内部错误',
  502: '服务暂不可用',
  503: '服务暂不可用',
}

export class ApiError extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly type: string
  /** Field errors keyed by camelCase request field name. */
  readonly errors: Record<string, string[]>

  constructor(status: number, problem: ProblemDetails = {}) {
    const title = problem.title?.trim() || FALLBACK_TITLES[status] || `请求失败（${status}）`
    super(problem.detail?.trim() || title)
    this.name = 'ApiError'
    this.status = status
    this.title = title
    this.detail = problem.detail?.trim() ?? ''
    this.type = problem.type ?? ''
    this.errors = problem.errors ?? {}
  }

  /** `title` and `detail` joined for display, without repeating the same sentence. */
  get displayMessage(): string {
    if (!this.detail || this.detail === this.title) return this.title
    return `${this.title}：${this.detail}`
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.errors).length > 0
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

export interface RequestOptions {
  query?: QueryParams
  body?: unknown
  /**
   * Statuses the caller handles itself (no toast). `true` = the caller handles every error.
   * 401 always goes to the unauthorized handler unless `anonymous` is set.
   */
  handled?: readonly number[] | boolean
  /** The endpoint is fine without a session: do not redirect to /login on 401. */
  anonymous?: boolean
  signal?: AbortSignal
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

let unauthorizedHandler: (() => void) | null = null

/** Registered by the router: called whenever an API call answers 401. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler
}

export function readCookie(name: string): string | null {
  const prefix = `${name}=`
  for (const part of document.cookie.split(';')) {
    const item = part.trim()
    if (item.startsWith(prefix)) return decodeURIComponent(item.slice(prefix.length))
  }
  return null
}

let antiforgeryInFlight: Promise<void> | null = null

/** (Re)issues the XSRF-TOKEN cookie. Call at start-up and after sign-in / sign-out. */
export function refreshAntiforgery(): Promise<void> {
  antiforgeryInFlight ??= fetch(`${API_BASE}/auth/antiforgery`, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  })
    .then(() => undefined)
    .catch(() => undefined)
    .finally(() => {
      antiforgeryInFlight = null
    })
  return antiforgeryInFlight
}

export function buildQuery(query: QueryParams | undefined): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

async function readProblem(res: Response): Promise<ProblemDetails> {
  const text = await res.text().catch(() => '')
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object') return parsed as ProblemDetails
  } catch {
    // not JSON (e.g. a proxy's HTML error page)
  }
  return {}
}

function isHandled(handled: RequestOptions['handled'], status: number): boolean {
  if (handled === true) return true
  if (!handled) return false
  return handled.includes(status)
}

/** Shows an error the way the console shows unexpected failures. */
export function notifyError(e: unknown): void {
  if (isApiError(e)) {
    if (e.status === 401) return
    ElMessage({ type: 'error', message: e.displayMessage, grouping: true, duration: 5000 })
  } else if (e instanceof Error && e.name !== 'AbortError') {
    ElMessage({ type: 'error', message: e.message || '操作失败', grouping: true })
  }
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  const unsafe = method !== 'GET'
  if (unsafe) {
    if (!readCookie(XSRF_COOKIE)) await refreshAntiforgery()
    const token = readCookie(XSRF_COOKIE)
    if (token) headers[XSRF_HEADER] = token
  }
  let body: string | undefined
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }

  let res: Response
  try {
    res = await fetch(`${API_BASE}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    const error = new ApiError(0)
    if (!isHandled(options.handled, 0)) notifyError(error)
    throw error
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T
    const text = await res.text()
    return (text ? (JSON.parse(text) as unknown) : undefined) as T
  }

  const error = new ApiError(res.status, await readProblem(res))
  if (res.status === 401 && !options.anonymous) {
    unauthorizedHandler?.()
  } else if (!isHandled(options.handled, res.status)) {
    notifyError(error)
  }
  throw error
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
}

/** Statuses a form handles itself: validation problems and conflicts are shown in the form. */
export const FORM_ERRORS = [400, 409, 422] as const
