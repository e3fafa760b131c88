/**
 * What processing a metadata document needs at every level: the document (for line and
 * column), the base URL and default language from its `@context`, the problem list, and a
 * way to read the schema and dialect documents it links to. Plus the checks every
 * description object shares: `@id`, `@type`, common properties and unknown properties.
 */
import {checkCommonValue, isCommonProperty} from '../common-properties.js'
import {isLanguageTag} from '../language.js'
import {pointerEscape} from '../json-positions.js'
import {show, type DocumentRef, type Problems} from '../problems.js'
import {resolveUrl} from '../urls.js'
import {homeOf, PROPERTIES, type DescriptionKind} from '../vocabulary.js'

export type Json = Record<string, unknown>

export interface LinkedDocument {
  value?: unknown
  doc?: DocumentRef
  /** Why it could not be read or parsed. */
  error?: string
  line?: number
  column?: number
}

export interface Ctx {
  doc: DocumentRef
  base: string
  language?: string
  problems: Problems
  /** Reads a JSON document a `tableSchema` or `dialect` links to. */
  readLinked(url: string): Promise<LinkedDocument>
}

export const CSVW_CONTEXT = 'http://www.w3.org/ns/csvw'

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export const at = (pointer: string, key: string | number) => `${pointer}/${typeof key === 'number' ? key : pointerEscape(key)}`

const KIND_WORDS: Record<DescriptionKind, string> = {
  TableGroup: 'table group',
  Table: 'table',
  Schema: 'schema',
  Column: 'column',
  Dialect: 'dialect',
  Template: 'transformation',
  Datatype: 'datatype',
}

export function kindWords(kind: DescriptionKind): string {
  return KIND_WORDS[kind]
}

/** The invalid value of a property is ignored, with the warning the specification asks for. */
export function ignored(ctx: Ctx, pointer: string, property: string, value: unknown, expected: string): void {
  ctx.problems.warning('property-value', `"${property}" should be ${expected}, not ${show(value)}: odcheck ignores it.`, ctx.doc, pointer)
}

/**
 * Reads `@context` at the top of a document: the CSVW context URL, optionally with an object
 * giving `@base` and `@language`. Returns the base URL and language to use.
 */
export function readContext(object: Json, doc: DocumentRef, problems: Problems, required: boolean): {base: string; language?: string} {
  const context = object['@context']
  const result: {base: string; language?: string} = {base: doc.url}
  if (context === undefined) {
    if (required) problems.error('context', 'The metadata has no "@context": it must start with "@context": "http://www.w3.org/ns/csvw".', doc, '')
    return result
  }
  const entries = Array.isArray(context) ? context : [context]
  if (entries[0] !== CSVW_CONTEXT || entries.length > 2 || entries.length === 0) {
    problems.error('context', `"@context" must be "${CSVW_CONTEXT}" or an array of it and an object with "@base" or "@language", not ${show(context)}.`, doc, '/@context')
    return result
  }
  const extra = entries[1]
  if (extra === undefined) return result
  if (!isObject(extra)) {
    problems.error('context', `The second item of "@context" must be an object with "@base" or "@language", not ${show(extra)}.`, doc, '/@context/1')
    return result
  }
  const others = Object.keys(extra).filter((k) => k !== '@base' && k !== '@language')
  if (others.length > 0) problems.error('context', `The "@context" object may only set "@base" and "@language", not ${others.map((k) => `"${k}"`).join(', ')}.`, doc, '/@context/1')
  if ('@base' in extra) {
    const base = typeof extra['@base'] === 'string' ? resolveUrl(extra['@base'], doc.url) : undefined
    if (base) result.base = base
    else problems.error('context', `"@base" must be a URL, not ${show(extra['@base'])}.`, doc, '/@context/1/@base')
  }
  if ('@language' in extra) {
    if (isLanguageTag(extra['@language'])) result.language = extra['@language']
    else problems.warning('property-value', `"@language" ${show(extra['@language'])} is not a BCP 47 language tag: odcheck ignores it.`, doc, '/@context/1/@language')
  }
  return result
}

/**
 * Checks the properties every description shares and reports those that do not belong.
 * `@context` is allowed only where `contextAllowed` (the top of a document).
 */
export function checkDescription(object: Json, kind: DescriptionKind, pointer: string, ctx: Ctx, contextAllowed = false): void {
  for (const [key, value] of Object.entries(object)) {
    const here = at(pointer, key)
    if (key === '@context') {
      if (!contextAllowed) ctx.problems.error('context', `"@context" is only allowed at the top of a metadata document, not in a ${kindWords(kind)}.`, ctx.doc, here)
    } else if (key === '@id') {
      if (typeof value !== 'string') ignored(ctx, here, '@id', value, 'a string')
      else if (value.startsWith('_:')) ctx.problems.error('blank-node', `"@id" ${show(value)} of a ${kindWords(kind)} is a blank node identifier, which CSVW metadata may not use.`, ctx.doc, here)
    } else if (key === '@type') {
      if (value !== kind) ctx.problems.error('type', `"@type" of a ${kindWords(kind)} must be "${kind}", not ${show(value)}.`, ctx.doc, here)
    } else if (isCommonProperty(key)) {
      if (kind === 'Dialect') ctx.problems.warning('unknown-property', `A dialect takes no common properties such as "${key}": odcheck ignores it.`, ctx.doc, here)
      else checkCommonValue(value, here, ctx.doc, ctx.problems, key)
    } else if (key.startsWith('@')) {
      ctx.problems.warning('unknown-property', `The keyword "${key}" has no meaning in a ${kindWords(kind)}: odcheck ignores it.`, ctx.doc, here)
    } else if (!PROPERTIES[kind].includes(key)) {
      const home = homeOf(key)
      const where = home ? ` (it belongs on a ${kindWords(home)})` : ''
      ctx.problems.warning('unknown-property', `"${key}" is not a property of a ${kindWords(kind)}${where}: odcheck ignores it.`, ctx.doc, here)
    }
  }
}
