/**
 * Server-side validation errors for el-form: maps problem+json `errors` keys onto form props
 * (shown with el-form-item's `error`), and keeps the rest as a general message.
 */
import { reactive, ref } from 'vue'
import { isApiError } from './http'

/** `Name`, `$.name`, `tags[0]`, `input.orgId` → `name`, `name`, `tags`, `orgId`. */
export function normalizeErrorKey(key: string): string {
  let k = key.replace(/^\$\.?/, '')
  if (k.includes('.')) k = k.slice(k.lastIndexOf('.') + 1)
  k = k.replace(/\[\d+\]$/, '')
  return k ? k.charAt(0).toLowerCase() + k.slice(1) : ''
}

export interface ServerErrors<F extends string> {
  /** Per form prop: the message to show under the field (empty string = none). */
  fields: Record<F, string>
  /** Message that belongs to no field (409 duplicates, 400 without field errors …). */
  general: { value: string }
  clear(): void
  clearField(field: F): void
  /** Applies an error; returns false when it is not an ApiError a form should show. */
  apply(e: unknown): boolean
}

/**
 * @param fieldNames the form's props
 * @param aliases optional server key → form prop mapping (e.g. `idNumber` → `idNumberInput`)
 */
export function useServerErrors<F extends string>(
  fieldNames: readonly F[],
  aliases: Partial<Record<string, F>> = {},
): ServerErrors<F> {
  const fields = reactive(Object.fromEntries(fieldNames.map((f) => [f, '']))) as Record<F, string>
  const general = ref('')

  function clear(): void {
    for (const f of fieldNames) fields[f] = ''
    general.value = ''
  }

  function clearField(field: F): void {
    fields[field] = ''
  }

  function apply(e: unknown): boolean {
    clear()
    if (!isApiError(e) || e.status === 401 || e.status === 0 || e.status >= 500) return false
    const leftovers: string[] = []
    for (const [rawKey, messages] of Object.entries(e.errors)) {
      const key = normalizeErrorKey(rawKey)
      const field = (aliases[key] ?? aliases[rawKey] ?? key) as F
      const text = messages.filter(Boolean).join('；')
      if ((fieldNames as readonly string[]).includes(field)) {
        fields[field] = fields[field] ? `${fields[field]}；${text}` : text
      } else if (text) {
        leftovers.push(text)
      }
    }
    if (!e.hasFieldErrors || leftovers.length > 0) {
      const head = e.hasFieldErrors ? leftovers.join('；') : e.displayMessage
      general.value = head
    }
    return true
  }

  return { fields, general, clear, clearField, apply }
}
