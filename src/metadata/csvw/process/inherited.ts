/** Inherited properties (tabular-metadata 5.7): set on a group, table, schema or column and passed down to columns. */
import {isLanguageTag} from '../language.js'
import {show} from '../problems.js'
import type {CsvwDatatype} from '../types.js'
import {parseUriTemplate} from '../uri-template.js'
import {at, ignored, type Ctx, type Json} from './context.js'
import {readDatatype} from './datatype.js'

export interface Inherited {
  aboutUrl?: string
  datatype?: CsvwDatatype
  default?: string
  lang?: string
  null?: string[]
  ordered?: boolean
  propertyUrl?: string
  required?: boolean
  separator?: string | null
  textDirection?: string
  valueUrl?: string
}

/** The inherited properties written on one description, each checked; invalid ones are left out with a warning. */
export function readInherited(object: Json, pointer: string, ctx: Ctx): Inherited {
  const found: Inherited = {}
  for (const key of ['aboutUrl', 'propertyUrl', 'valueUrl'] as const) {
    if (!(key in object)) continue
    const value = object[key]
    if (typeof value !== 'string') {
      ignored(ctx, at(pointer, key), key, value, 'a URI template string')
      continue
    }
    const parsed = parseUriTemplate(value)
    if (typeof parsed === 'string') ctx.problems.warning('uri-template', `"${key}" ${show(value)} is not a valid URI template (${parsed}): odcheck ignores it.`, ctx.doc, at(pointer, key))
    else found[key] = value
  }
  if ('datatype' in object) {
    const datatype = readDatatype(object.datatype, at(pointer, 'datatype'), ctx)
    if (datatype) found.datatype = datatype
  }
  if ('default' in object) {
    if (typeof object.default === 'string') found.default = object.default
    else ignored(ctx, at(pointer, 'default'), 'default', object.default, 'a string')
  }
  if ('lang' in object) {
    if (isLanguageTag(object.lang)) found.lang = object.lang
    else ignored(ctx, at(pointer, 'lang'), 'lang', object.lang, 'a BCP 47 language tag such as "en" or "en-GB"')
  }
  if ('null' in object) {
    const value = object.null
    if (typeof value === 'string') found.null = [value]
    else if (Array.isArray(value)) {
      found.null = value.filter((v): v is string => typeof v === 'string')
      if (found.null.length < value.length) ctx.problems.warning('property-value', `"null" should list strings only: odcheck ignores ${show(value.filter((v) => typeof v !== 'string'))}.`, ctx.doc, at(pointer, 'null'))
    } else ignored(ctx, at(pointer, 'null'), 'null', value, 'a string or an array of strings')
  }
  for (const key of ['ordered', 'required'] as const) {
    if (!(key in object)) continue
    if (typeof object[key] === 'boolean') found[key] = object[key] as boolean
    else ignored(ctx, at(pointer, key), key, object[key], 'true or false')
  }
  if ('separator' in object) {
    if (typeof object.separator === 'string' || object.separator === null) found.separator = object.separator as string | null
    else ignored(ctx, at(pointer, 'separator'), 'separator', object.separator, 'a string or null')
  }
  if ('textDirection' in object) {
    if (['ltr', 'rtl', 'auto', 'inherit'].includes(object.textDirection as string)) found.textDirection = object.textDirection as string
    else ignored(ctx, at(pointer, 'textDirection'), 'textDirection', object.textDirection, '"ltr", "rtl", "auto" or "inherit"')
  }
  return found
}

/** Later layers (closer to the column) win. */
export function inherit(...layers: Inherited[]): Inherited {
  return Object.assign({}, ...layers) as Inherited
}
