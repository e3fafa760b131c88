/** Datatype descriptions (tabular-metadata 5.11): base, format, length and value constraints, and the errors the spec names for them. */
import {show} from '../problems.js'
import type {CsvwDatatype, NumberFormat} from '../types.js'
import {compileDatePattern} from '../values/date-pattern.js'
import {compileNumberPattern} from '../values/number-pattern.js'
import {constraintOrder, metadataRegex} from '../values/parse-value.js'
import {BUILT_IN_IRIS, isBuiltInDatatype, isDateTime, isNumeric, takesLength, takesRange} from '../vocabulary.js'
import {at, checkDescription, ignored, isObject, type Ctx, type Json} from './context.js'

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/** A `datatype` value: a built-in name or a datatype description. Undefined when it is ignored. */
export function readDatatype(value: unknown, pointer: string, ctx: Ctx): CsvwDatatype | undefined {
  if (typeof value === 'string') {
    if (isBuiltInDatatype(value)) return {base: value}
    ctx.problems.warning('property-value', `"datatype" ${show(value)} is not a built-in datatype name (such as string, integer, date): odcheck ignores it. Describe other datatypes with an object that has a "base".`, ctx.doc, pointer)
    return undefined
  }
  if (!isObject(value)) {
    ignored(ctx, pointer, 'datatype', value, 'a datatype name or a datatype description')
    return undefined
  }
  return readDescription(value, pointer, ctx)
}

function readDescription(object: Json, pointer: string, ctx: Ctx): CsvwDatatype {
  checkDescription(object, 'Datatype', pointer, ctx)
  const datatype: CsvwDatatype = {base: 'string'}
  const id = object['@id']
  if (typeof id === 'string') {
    if (BUILT_IN_IRIS.has(id)) ctx.problems.error('datatype', `"@id" ${show(id)} of a datatype must not be the URL of a built-in datatype: use "base" instead.`, ctx.doc, at(pointer, '@id'))
    else if (!id.startsWith('_:')) datatype.id = id
  }
  if ('base' in object) {
    if (isBuiltInDatatype(object.base)) datatype.base = object.base
    else ctx.problems.warning('property-value', `"base" ${show(object.base)} is not a built-in datatype: odcheck reads the values as strings.`, ctx.doc, at(pointer, 'base'))
  }
  if ('format' in object) readFormat(object.format, datatype, at(pointer, 'format'), ctx)
  readLengths(object, datatype, pointer, ctx)
  readRanges(object, datatype, pointer, ctx)
  return datatype
}

function readFormat(format: unknown, datatype: CsvwDatatype, pointer: string, ctx: Ctx): void {
  const {base} = datatype
  const warn = (why: string) => ctx.problems.warning('format', `The format ${show(format)} cannot be used for ${base}: ${why}. odcheck ignores it.`, ctx.doc, pointer)
  if (isNumeric(base)) {
    const object = isObject(format) ? format : typeof format === 'string' ? {pattern: format} : undefined
    if (!object) return warn('it must be a number pattern or an object with pattern, decimalChar and groupChar')
    const extra = Object.keys(object).filter((k) => !['pattern', 'decimalChar', 'groupChar'].includes(k))
    if (extra.length > 0) return warn(`a number format takes only pattern, decimalChar and groupChar, not ${extra.join(', ')}`)
    const numberFormat: NumberFormat = {decimalChar: '.', groupChar: null}
    for (const key of ['decimalChar', 'groupChar'] as const) {
      if (!(key in object)) continue
      if (typeof object[key] === 'string' && object[key] !== '') numberFormat[key] = object[key] as string
      else ignored(ctx, `${pointer}/${key}`, key, object[key], 'a non-empty string')
    }
    if ('pattern' in object) {
      const compiled = typeof object.pattern === 'string' ? compileNumberPattern(object.pattern, numberFormat.decimalChar, numberFormat.groupChar ?? ',') : 'it is not a string'
      if (typeof compiled === 'string') warn(compiled)
      else numberFormat.pattern = object.pattern as string
    }
    datatype.numberFormat = numberFormat
    return
  }
  if (typeof format !== 'string') return warn('only numeric datatypes take an object format; others take a string')
  if (base === 'boolean') {
    if (format.split('|').length !== 2) return warn('a boolean format gives the true and false values separated by "|", such as "Y|N"')
    datatype.format = format
    return
  }
  if (isDateTime(base)) {
    const compiled = compileDatePattern(format)
    if (typeof compiled === 'string') return warn(compiled)
    const fits = base === 'date' ? compiled.hasDate && !compiled.hasTime : base === 'time' ? compiled.hasTime && !compiled.hasDate : compiled.hasDate && compiled.hasTime
    if (!fits) return warn(`it is a ${compiled.hasDate && compiled.hasTime ? 'date and time' : compiled.hasDate ? 'date' : 'time'} format`)
    datatype.format = format
    return
  }
  if (!metadataRegex(format)) return warn('it is not a regular expression odcheck can run (RE2 syntax: no look-around or back-references)')
  datatype.format = format
}

function readLengths(object: Json, datatype: CsvwDatatype, pointer: string, ctx: Ctx): void {
  for (const key of ['length', 'minLength', 'maxLength'] as const) {
    if (!(key in object)) continue
    if (!isCount(object[key])) {
      ignored(ctx, at(pointer, key), key, object[key], 'a non-negative integer')
      continue
    }
    if (!takesLength(datatype.base)) {
      ctx.problems.error('datatype', `"${key}" applies only to strings and binary data, not to ${datatype.base}.`, ctx.doc, at(pointer, key))
      continue
    }
    datatype[key] = object[key] as number
  }
  const {length, minLength, maxLength} = datatype
  if (length !== undefined && minLength !== undefined && length < minLength) ctx.problems.error('datatype', `"length" ${length} is less than "minLength" ${minLength}.`, ctx.doc, at(pointer, 'length'))
  if (length !== undefined && maxLength !== undefined && length > maxLength) ctx.problems.error('datatype', `"length" ${length} is more than "maxLength" ${maxLength}.`, ctx.doc, at(pointer, 'length'))
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) ctx.problems.error('datatype', `"minLength" ${minLength} is more than "maxLength" ${maxLength}.`, ctx.doc, at(pointer, 'minLength'))
}

const RANGE_KEYS = [
  ['minimum', 'minInclusive'],
  ['maximum', 'maxInclusive'],
  ['minInclusive', 'minInclusive'],
  ['maxInclusive', 'maxInclusive'],
  ['minExclusive', 'minExclusive'],
  ['maxExclusive', 'maxExclusive'],
] as const

function readRanges(object: Json, datatype: CsvwDatatype, pointer: string, ctx: Ctx): void {
  const orders: Partial<Record<'minInclusive' | 'maxInclusive' | 'minExclusive' | 'maxExclusive', number>> = {}
  for (const [key, target] of RANGE_KEYS) {
    if (!(key in object)) continue
    const value = object[key]
    const here = at(pointer, key)
    if (typeof value !== 'string' && typeof value !== 'number') {
      ignored(ctx, here, key, value, 'a number or a date, time or duration string')
      continue
    }
    if (!takesRange(datatype.base)) {
      ctx.problems.error('datatype', `"${key}" applies only to numbers, dates, times and durations, not to ${datatype.base}.`, ctx.doc, here)
      continue
    }
    const order = constraintOrder(value, datatype.base)
    if (order === undefined) {
      ctx.problems.error('datatype', `"${key}" ${show(value)} is not a valid ${datatype.base}.`, ctx.doc, here)
      continue
    }
    datatype[target] = value
    orders[target] = order
  }
  const {minInclusive: minI, maxInclusive: maxI, minExclusive: minE, maxExclusive: maxE} = orders
  const conflict = (message: string) => ctx.problems.error('datatype', message, ctx.doc, pointer)
  if (minI !== undefined && minE !== undefined) conflict('A datatype cannot have both a minimum (minInclusive) and minExclusive.')
  if (maxI !== undefined && maxE !== undefined) conflict('A datatype cannot have both a maximum (maxInclusive) and maxExclusive.')
  if (minI !== undefined && maxI !== undefined && maxI < minI) conflict(`maxInclusive ${datatype.maxInclusive} is less than minInclusive ${datatype.minInclusive}.`)
  if (minI !== undefined && maxE !== undefined && maxE <= minI) conflict(`maxExclusive ${datatype.maxExclusive} is not more than minInclusive ${datatype.minInclusive}.`)
  if (minE !== undefined && maxI !== undefined && maxI <= minE) conflict(`maxInclusive ${datatype.maxInclusive} is not more than minExclusive ${datatype.minExclusive}.`)
  if (minE !== undefined && maxE !== undefined && maxE < minE) conflict(`maxExclusive ${datatype.maxExclusive} is less than minExclusive ${datatype.minExclusive}.`)
}
