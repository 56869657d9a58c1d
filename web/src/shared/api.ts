/**
 * The server's API shapes, taken from the generated `api-schema.ts` (`npm run gen:api`, from
 * docs/openapi.json) so they are written once, on the server. Modules alias what they use:
 *
 * ```ts
 * export type MemberRow = Schema<'Modules.Members.Features.MemberRow'>
 * ```
 *
 * Request bodies (`…Input`, `…Request`) are loose on purpose — every field optional and nullable —
 * because the server validates them and answers with field errors.
 */
import type { components, paths } from './api-schema'

export type Schemas = components['schemas']
export type SchemaName = keyof Schemas
export type Schema<N extends SchemaName> = Schemas[N]

/** `Platform.Http.PageOf<T>`: its instances are named `Platform.Http.PageOf.<row type>`. */
type PageSchemaName = Extract<SchemaName, `Platform.Http.PageOf.${string}`>

/** A page of rows, as every paged endpoint returns it (`items`, `total`, `page`, `pageSize`). */
export type Page<T> = Omit<Schemas[PageSchemaName], 'items'> & { items: T[] }

type Operation<P extends keyof paths, M extends 'get' | 'delete'> = NonNullable<paths[P][M]>

/**
 * The query parameters of `GET path`, keyed as the console sends them. The document names the
 * parameters of a bound request record in PascalCase (`OrgId`), those of plain arguments in camelCase
 * (`parentId`); the server binds either way, and the console always sends camelCase.
 */
export type QueryOf<P extends keyof paths, M extends 'get' | 'delete' = 'get'> =
  Operation<P, M> extends { parameters: { query?: infer Q } }
    ? { [K in keyof NonNullable<Q> as Uncapitalize<K & string>]?: NonNullable<Q>[K] }
    : never

/** The value when it is one of `values` (e.g. an enum filter read from the URL), else undefined. */
export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return value && (values as readonly string[]).includes(value) ? (value as T) : undefined
}
