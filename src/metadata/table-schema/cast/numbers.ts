/**
 * Numbers and integers as Frictionless reads them: with `bareNumber: false` leading and
 * trailing text is dropped first (`£1,250.00`, `12.5%`), then every `groupChar` is removed and
 * `decimalChar` becomes a point. Integers beyond 2^53 stay exact as bigints.
 */
import {INVALID, type Caster} from './types.js'

/** Whether text is a decimal number: sign, digits with at most one point, an exponent. A loop, not a regex: this runs on every cell. */
function isDecimal(text: string): boolean {
  const n = text.length
  let i = 0
  let c = text.charCodeAt(0)
  if (c === 43 || c === 45) c = text.charCodeAt(++i)
  let digits = 0
  while (c >= 48 && c <= 57) {
    digits++
    c = text.charCodeAt(++i)
  }
  if (c === 46) {
    c = text.charCodeAt(++i)
    while (c >= 48 && c <= 57) {
      digits++
      c = text.charCodeAt(++i)
    }
  }
  if (digits === 0) return false
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++i)
    if (c === 43 || c === 45) c = text.charCodeAt(++i)
    let exponent = 0
    while (c >= 48 && c <= 57) {
      exponent++
      c = text.charCodeAt(++i)
    }
    if (exponent === 0) return false
  }
  return i === n
}
const SPECIAL = /^([+-]?)(nan|inf|infinity)$/i
const INTEGER = /^[+-]?\d+$/
/** Frictionless' `bareNumber: false`: text before the first digit or minus sign, and after the last digit. */
const NOT_BARE = /^[^-\d]*|\D*$/g

export interface NumberOptions {
  decimalChar?: string
  groupChar?: string
  bareNumber?: boolean
}

function cleaner(options: NumberOptions): (cell: string) => string {
  const decimal = options.decimalChar ?? '.'
  const group = options.groupChar ?? ''
  const bare = options.bareNumber ?? true
  if (bare && group === '' && decimal === '.') return (cell) => cell
  return (cell) => {
    let text = bare ? cell : cell.replace(NOT_BARE, '')
    if (group !== '') text = text.split(group).join('')
    if (decimal !== '.') text = text.split(decimal).join('.')
    return text
  }
}

export function numberCaster(options: NumberOptions): Caster {
  const clean = cleaner(options)
  return (cell) => {
    const text = clean(cell)
    if (isDecimal(text)) return Number(text)
    const special = SPECIAL.exec(text)
    if (!special) return INVALID
    if (special[2].toLowerCase() === 'nan') return Number.NaN
    return special[1] === '-' ? -Infinity : Infinity
  }
}

export function integerCaster(options: NumberOptions): Caster {
  const clean = cleaner({...options, decimalChar: '.'})
  return (cell) => {
    const text = clean(cell)
    if (!INTEGER.test(text)) return INVALID
    const n = Number(text)
    return Number.isSafeInteger(n) ? n : BigInt(text)
  }
}
