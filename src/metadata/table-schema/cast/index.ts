/**
 * Reading a cell as a value of a Table Schema field's type and format (Frictionless' "cast"),
 * and what checks need from the values: a key that is equal for equal values, a length and an
 * order.
 */
import type {FieldType, SchemaField} from '../types.js'
import {castArray, castObject, geojsonCaster, geopointCaster} from './json.js'
import {integerCaster, numberCaster} from './numbers.js'
import {castDuration, castYear, castYearmonth, temporalCaster} from './temporal.js'
import {booleanCaster, stringCaster} from './text.js'
import {INVALID, type Caster} from './types.js'

export {INVALID, type Caster} from './types.js'
export {PatternError} from './strptime.js'

type CastOptions = Pick<SchemaField, 'type' | 'format' | 'decimalChar' | 'groupChar' | 'bareNumber' | 'trueValues' | 'falseValues' | 'delimiter' | 'itemType'>

const any: Caster = (cell) => cell

/**
 * The caster for a field; undefined when its format is not one the type has (an unknown string
 * format, a date format with no strftime directive). Throws PatternError for a strftime
 * pattern with a directive that does not exist.
 */
export function casterFor(field: CastOptions): Caster | undefined {
  const format = field.format
  switch (field.type) {
    case 'string':
      return stringCaster(format)
    case 'number':
      return format === 'default' ? numberCaster(field) : undefined
    case 'integer':
      return format === 'default' ? integerCaster(field) : undefined
    case 'boolean':
      return format === 'default' ? booleanCaster(field.trueValues, field.falseValues) : undefined
    case 'object':
      return format === 'default' ? castObject : undefined
    case 'array':
      return format === 'default' ? castArray : undefined
    case 'list':
      return format === 'default' ? listCaster(field.delimiter ?? ',', field.itemType ?? 'string') : undefined
    case 'date':
    case 'time':
    case 'datetime':
      return temporalCaster(field.type, format)
    case 'year':
      return format === 'default' ? castYear : undefined
    case 'yearmonth':
      return format === 'default' ? castYearmonth : undefined
    case 'duration':
      return format === 'default' ? castDuration : undefined
    case 'geopoint':
      return geopointCaster(format)
    case 'geojson':
      return geojsonCaster(format)
    case 'any':
      return any
  }
}

function listCaster(delimiter: string, itemType: FieldType): Caster {
  const item = casterFor({type: itemType, format: 'default'}) ?? any
  return (cell) => {
    const values = cell.split(delimiter).map(item)
    return values.includes(INVALID) ? INVALID : values
  }
}

/** Equal values give equal keys (`1`, `01` and `+1` as integers are one key). */
export function keyOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
      return Object.is(value, -0) ? '0' : String(value)
    case 'bigint':
    case 'boolean':
      return String(value)
    default:
      return JSON.stringify(value)
  }
}

/** Length for minLength/maxLength: characters of a string (code points), items of a list or array, keys of an object. */
export function lengthOf(value: unknown): number | undefined {
  if (typeof value === 'string') {
    let n = value.length
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff) n--
    }
    return n
  }
  if (Array.isArray(value)) return value.length
  if (typeof value === 'object' && value !== null) return Object.keys(value).length
  return undefined
}

/** Types whose values have an order (minimum, maximum): all numbers once cast. */
export const ORDERED_TYPES: FieldType[] = ['number', 'integer', 'date', 'time', 'datetime', 'year', 'yearmonth']
export const LENGTH_TYPES: FieldType[] = ['string', 'array', 'list', 'object']

/**
 * A value written in a descriptor (a constraint or enum item) as a value of the field: a string
 * is cast like a cell; a JSON number stands for itself in number-like fields.
 */
export function descriptorValue(field: CastOptions, caster: Caster, value: unknown): unknown {
  if (typeof value === 'string') {
    const cast = caster(value)
    // A date constraint written in ISO form while the field's format is a pattern: read it as ISO.
    if (cast === INVALID && ['date', 'time', 'datetime'].includes(field.type)) return casterFor({...field, format: 'default'})!(value)
    return cast
  }
  if (typeof value === 'number') {
    if (field.type === 'integer') return Number.isInteger(value) ? value : INVALID
    if (field.type === 'number' || field.type === 'year' || field.type === 'any') return value
    if (field.type === 'string') return INVALID
    return INVALID
  }
  if (typeof value === 'boolean') return field.type === 'boolean' || field.type === 'any' ? value : INVALID
  if (field.type === 'object' || field.type === 'array' || field.type === 'geojson' || field.type === 'list') return value
  return INVALID
}
