/**
 * Thin fetch wrapper for the Lianxin API (/api/v1).
 *
 * - cookie session (`credentials: 'same-origin'`)
 * - antiforgery: `GET /auth/antiforgery` issues the `XSRF-TOKEN` cookie; unsafe requests echo it
 *   in the `X-XSRF-TOKEN` header
 * - errors are RFC 7807 problem+json, surfaced as a typed {@link ApiError}
 * - 401 hands over to the registered unauthorized handler (the router sends the user to /login)
 * - anything the caller did not declare as handled is shown with ElMessage (or what {@link setErrorNotifier} set)
 *
 * JSON requests go through {@link http}; files through {@link upload} (multipart, with upload progress)
 * and the download helpers at the end, with the same antiforgery, 401 and error handling.
 */
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
  413: '文件过大，超过服务器允许的大小',
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

function parseProblem(text: string): ProblemDetails {
  if (!text) return {}
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed && typeof parsed === 'object') return parsed as ProblemDetails
  } catch {
    // not JSON (e.g. a proxy's HTML error page)
  }
  return {}
}

async function readProblem(res: Response): Promise<ProblemDetails> {
  return parseProblem(await res.text().catch(() => ''))
}

function isHandled(handled: RequestOptions['handled'], status: number): boolean {
  if (handled === true) return true
  if (!handled) return false
  return handled.includes(status)
}

/** Shows an unexpected failure's message (`error` is the ApiError or Error it came from). */
export type ErrorNotifier = (message: string, error: unknown) => void

/**
 * The console's way: an ElMessage (API problems stay a little longer). Imported when first needed, so an
 * app that sets its own notifier (the phone pages) does not load Element Plus; the console has it loaded.
 */
let errorNotifier: ErrorNotifier = (message, error) => {
  void import('element-plus').then(({ ElMessage }) =>
    ElMessage({ type: 'error', message, grouping: true, ...(isApiError(error) ? { duration: 5000 } : {}) }),
  )
}

/** Replaces how unexpected failures are shown (the phone pages use a Vant toast instead of ElMessage). */
export function setErrorNotifier(notifier: ErrorNotifier): void {
  errorNotifier = notifier
}

/** Shows an error the way the app shows unexpected failures. */
export function notifyError(e: unknown): void {
  if (isApiError(e)) {
    if (e.status === 401) return
    errorNotifier(e.displayMessage, e)
  } else if (e instanceof Error && e.name !== 'AbortError') {
    errorNotifier(e.message || '操作失败', e)
  }
}

const ACCEPT = 'application/json, application/problem+json'

/** The antiforgery header of an unsafe request (the cookie is fetched first when missing). */
async function antiforgeryHeader(): Promise<Record<string, string>> {
  if (!readCookie(XSRF_COOKIE)) await refreshAntiforgery()
  const token = readCookie(XSRF_COOKIE)
  return token ? { [XSRF_HEADER]: token } : {}
}

/** A failed call: 401 goes to the unauthorized handler, anything the caller does not handle is shown. */
function failed(error: ApiError, options: Pick<RequestOptions, 'handled' | 'anonymous'>): ApiError {
  if (error.status === 401 && !options.anonymous) unauthorizedHandler?.()
  else if (!isHandled(options.handled, error.status)) notifyError(error)
  return error
}

function abortError(): DOMException {
  return new DOMException('已取消', 'AbortError')
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const unsafe = method !== 'GET'
  const headers: Record<string, string> = { Accept: ACCEPT, ...(unsafe ? await antiforgeryHeader() : {}) }
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
    throw failed(new ApiError(0), options)
  }

  if (res.ok) {
    if (res.status === 204) return undefined as T
    const text = await res.text()
    return (text ? (JSON.parse(text) as unknown) : undefined) as T
  }

  throw failed(new ApiError(res.status, await readProblem(res)), options)
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

// --- files ----------------------------------------------------------------------------------------

export interface UploadOptions extends Pick<RequestOptions, 'query' | 'handled' | 'signal'> {
  /** 0–99 while the body is being sent, 100 once all of it is sent (the server is then processing it). */
  onProgress?: (percent: number) => void
}

/**
 * `POST` a multipart body: a `FormData`, or one file sent as field `file`. Sent with XMLHttpRequest
 * (fetch reports no upload progress), with the antiforgery header; errors as in {@link http} (a 401
 * goes to the sign-in page, problem+json becomes an {@link ApiError}, shown unless `handled`). Aborting
 * `signal` rejects with an `AbortError` (the server may still keep a body it has fully received).
 */
export async function upload<T>(path: string, body: FormData | File, options: UploadOptions = {}): Promise<T> {
  const { signal, onProgress } = options
  const headers = { Accept: ACCEPT, ...(await antiforgeryHeader()) }
  if (signal?.aborted) throw abortError()
  let form: FormData
  if (body instanceof FormData) form = body
  else {
    form = new FormData()
    form.append('file', body, body.name)
  }

  const xhr = new XMLHttpRequest()
  const onAbort = () => xhr.abort()
  signal?.addEventListener('abort', onAbort)
  try {
    await new Promise<void>((resolve, reject) => {
      xhr.open('POST', `${API_BASE}${path}${buildQuery(options.query)}`)
      xhr.withCredentials = true
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
      if (onProgress) {
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable && e.total > 0) onProgress(Math.min(99, Math.floor((e.loaded / e.total) * 100)))
        }
        xhr.upload.onload = () => onProgress(100)
      }
      xhr.onload = () => resolve()
      xhr.onerror = () => reject(failed(new ApiError(0), options))
      xhr.onabort = () => reject(abortError())
      xhr.send(form)
    })
  } finally {
    signal?.removeEventListener('abort', onAbort)
  }

  if (xhr.status < 200 || xhr.status >= 300) throw failed(new ApiError(xhr.status, parseProblem(xhr.responseText)), options)
  return (xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined) as T
}

/** The address of a GET endpoint, for a download link, an `<img src>` or an anchor. */
export function downloadUrl(path: string, query?: QueryParams): string {
  return `${API_BASE}${path}${buildQuery(query)}`
}

function clickDownload(href: string, fileName: string): void {
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/**
 * Lets the browser download a GET endpoint: it streams the file to disk however large, with the session
 * cookie (a GET needs no antiforgery token); no navigation, so a failure never replaces the page. The
 * server's Content-Disposition name wins over `fileName`.
 */
export function download(path: string, query?: QueryParams, fileName = ''): void {
  clickDownload(downloadUrl(path, query), fileName)
}

/** Saves a file made in the browser (e.g. a CSV report). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  clickDownload(url, fileName)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** The file name of a download (RFC 5987 `filename*` first). */
function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('Content-Disposition') ?? ''
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(header)?.[1]
  if (star) {
    try {
      return decodeURIComponent(star.trim().replace(/^"|"$/g, ''))
    } catch {
      // fall through
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header)?.[1]
  return plain?.trim() || fallback
}

/**
 * Like {@link download}, but fetched first (so the caller can show progress until the file is there)
 * and its failure is handled like any API error. For files of moderate size (they pass through memory).
 * Resolves false on failure.
 */
export async function fetchDownload(path: string, query: QueryParams | undefined, fallbackName: string): Promise<boolean> {
  let res: Response
  try {
    res = await fetch(downloadUrl(path, query), { credentials: 'same-origin' })
  } catch {
    failed(new ApiError(0), {})
    return false
  }
  if (!res.ok) {
    failed(new ApiError(res.status, await readProblem(res)), {})
    return false
  }
  saveBlob(await res.blob(), fileNameOf(res, fallbackName))
  return true
}
