/**
 * Compiles a publisher's JSON Schema with ajv, in the draft its `$schema` names: 2020-12
 * (Ajv2020), 2019-09 (Ajv2019), draft-07 and draft-06 (Ajv, the default when `$schema` is
 * absent). Draft-04 is not supported by ajv 8 and is said to be so. Formats (date, email, uri,
 * ...) are checked with ajv-formats; unknown keywords and formats are ignored, as real schemas
 * carry annotations of their own. A `$ref` to another schema file is followed when the file is
 * in the schema's folder (or below it); odcheck works offline, so one to the web is not.
 */
import {createRequire} from 'node:module'
import {resolveLocal} from '../../metadata/load.js'
import {readDescriptorFile} from '../../metadata/table-schema/read.js'
import type {Ajv, ErrorObject, Options, ValidateFunction} from 'ajv'
import {createAjv} from '../../metadata/ajv.js'

const require = createRequire(import.meta.url)

export type JsonSchemaDraft = 'draft-06' | 'draft-07' | '2019-09' | '2020-12'

export type CompiledSchema =
  | {validate: ValidateFunction; draft: JsonSchemaDraft}
  /** Why the schema cannot be used: `reason` is `draft-04`, `not-a-schema`, `missing-ref` or `invalid`. */
  | {problem: {reason: string; error: string}; draft?: JsonSchemaDraft}

/** The draft a schema declares (draft-07 when it declares none); `old` for draft-04 and earlier, which ajv 8 cannot validate with. */
export function draftOf(schema: unknown): JsonSchemaDraft | 'old' {
  const declared = typeof schema === 'object' && schema !== null ? (schema as {$schema?: unknown}).$schema : undefined
  if (typeof declared !== 'string') return 'draft-07'
  if (/2020-12/.test(declared)) return '2020-12'
  if (/2019-09/.test(declared)) return '2019-09'
  if (/draft-06/.test(declared)) return 'draft-06'
  if (/draft-0[0-5]\b/.test(declared)) return 'old'
  return 'draft-07'
}

const OPTIONS: Options = {allErrors: true, strict: false, logger: false}

function instance(draft: JsonSchemaDraft): Ajv {
  const ajv = createAjv(OPTIONS, {formats: true, dialect: draft === '2020-12' || draft === '2019-09' ? draft : 'draft-07'})
  if (draft === 'draft-06') ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'))
  return ajv
}

const compiled = new Map<string, CompiledSchema>()

/**
 * Compiles once per distinct schema text and folder (several files often share one schema), each
 * in an ajv of its own. `folder` is where relative `$ref`s to other schema files are looked for.
 */
export function compileJsonSchema(schema: unknown, folder?: string): CompiledSchema {
  const key = `${folder ?? ''}\n${JSON.stringify(schema)}`
  const cached = compiled.get(key)
  if (cached) return cached
  const result = compileNew(schema, folder)
  compiled.set(key, result)
  return result
}

/** The local file a missing schema URI stands for: relative to the root schema's $id (or as written when it has none), inside `folder`. */
function localSchema(uri: string, rootId: unknown, folder: string): unknown {
  let relative = uri
  if (typeof rootId === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(rootId)) {
    const base = new URL('.', rootId).href
    if (!uri.startsWith(base)) return undefined
    relative = uri.slice(base.length)
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return undefined
  const local = resolveLocal(relative, folder)
  if (!local.path || !local.exists) return undefined
  try {
    return readDescriptorFile(local.path)
  } catch {
    return undefined
  }
}

const MAX_SCHEMA_FILES = 50

function compileNew(schema: unknown, folder?: string): CompiledSchema {
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null || Array.isArray(schema))) {
    return {problem: {reason: 'not-a-schema', error: 'a JSON Schema must be an object (or true or false)'}}
  }
  const draft = draftOf(schema)
  if (draft === 'old') {
    return {problem: {reason: 'draft-04', error: `it declares ${String((schema as {$schema: string}).$schema)}, an old draft odcheck cannot validate with; declare draft-07 ("$schema": "http://json-schema.org/draft-07/schema#"), changing "id" to "$id" and boolean exclusiveMinimum/exclusiveMaximum to numbers`}}
  }
  const ajv = instance(draft)
  const rootId = typeof schema === 'object' ? ((schema as {$id?: unknown}).$id ?? (schema as {id?: unknown}).id) : undefined
  // As ajv's compileAsync does, but reading schema files from the folder instead of the web.
  for (let loaded = 0; ; loaded++) {
    try {
      return {validate: ajv.compile(schema as object), draft}
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      const {missingRef, missingSchema} = error as {missingRef?: string; missingSchema?: string}
      if (missingRef === undefined || missingSchema === undefined) {
        return {draft, problem: {reason: 'invalid', error: `it is not a valid ${draft} schema: ${message.replace(/^schema is invalid: /, '')}`}}
      }
      const found = folder && loaded < MAX_SCHEMA_FILES && !ajv.getSchema(missingSchema) ? localSchema(missingSchema, rootId, folder) : undefined
      if (found === undefined) {
        return {draft, problem: {reason: 'missing-ref', error: `its $ref "${missingRef}" cannot be followed: odcheck works offline and reads other schema files only from the schema's own folder, so put the definition under "$defs" (or "definitions"), or the file beside the schema`}}
      }
      try {
        ajv.addSchema(found as object, missingSchema)
      } catch (addError) {
        return {draft, problem: {reason: 'invalid', error: `the schema file its $ref "${missingRef}" names cannot be used: ${addError instanceof Error ? addError.message : String(addError)}`}}
      }
    }
  }
}

/**
 * Errors worth showing: inside a failed anyOf/oneOf, ajv also lists why each alternative failed,
 * which says more about the schema than the data; the anyOf/oneOf error itself is kept.
 */
export function significantErrors(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`)
  return errors.filter((e) => !alternatives.some((prefix) => e.schemaPath.startsWith(prefix)))
}
