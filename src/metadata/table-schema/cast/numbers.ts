/**
 * Numbers and integers as Frictionless reads them: with `bareNumber: false` leading and
 * trailing text is dropped first (`£1,250.00`, `12.5%`), then every `groupChar` is removed and
 * `decimalChar` becomes a point. Integers beyond 2^53 stay exact as bigints.
 */
import {INVALID, type Caster} from './types.js'

/** Powers of ten a double holds exactly: a mantissa of up to 15 digits divided by one is correctly rounded. */
const POW10 = Array.from({length: 16}, (_, i) => 10 ** i)
/** Significant digits below 2^53, so the mantissa is exact. */
const EXACT_DIGITS = 15

/**
 * The value of text written as a decimal number (sign, digits with at most one point, an
 * exponent), or undefined. A loop, not a regex: this runs on every cell. Up to 15 digits without
 * an exponent it computes the value itself, mantissa over a power of ten, which is exactly what
 * Number() gives (both are the correctly rounded quotient); otherwise it leaves it to Number().
 */
function decimalValue(text: string): number | undefined {
  const n = text.length
  let i = 0
  let c = text.charCodeAt(0)
  const negative = c === 45
  if (c === 43 || c === 45) c = text.charCodeAt(++i)
  let digits = 0
  let fraction = 0
  let mantissa = 0
  while (c >= 48 && c <= 57) {
    digits++
    mantissa = mantissa * 10 + c - 48
    c = text.charCodeAt(++i)
  }
  if (c === 46) {
    c = text.charCodeAt(++i)
    while (c >= 48 && c <= 57) {
      digits++
      fraction++
      mantissa = mantissa * 10 + c - 48
      c = text.charCodeAt(++i)
    }
  }
  if (digits === 0) return undefined
  if (i === n && digits <= EXACT_DIGITS) {
    const value = fraction === 0 ? mantissa : mantissa / POW10[fraction]
    return negative ? -value : value
  }
  if (c === 101 || c === 69) {
    c = text.charCodeAt(++i)
    if (c === 43 || c === 45) c = text.charCodeAt(++i)
    let exponent = 0
    while (c >= 48 && c <= 57) {
      exponent++
      c = text.charCodeAt(++i)
    }
    if (exponent === 0) return undefined
  }
  return i === n ? Number(text) : undefined
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
    const value = decimalValue(text)
    if (value !== undefined) return value
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
