/**
 * Numbers and integers as Frictionless reads them: with `bareNumber: false` leading and
 * trailing text is dropped first (`£1,250.00`, `12.5%`), then every `groupChar` is removed and
 * `decimalChar` becomes a point. Integers beyond 2^53 stay exact as bigints.
 */
import {INVALID, type Caster} from './types.js'

/** Significant digits below 2^53: a mantissa of this many digits is exact in a double. */
export const EXACT_DIGITS = 15
/** Powers of ten a double holds exactly, up to 10^EXACT_DIGITS. */
const POW10 = Array.from({length: EXACT_DIGITS + 1}, (_, i) => 10 ** i)

/**
 * A mantissa of at most EXACT_DIGITS digits with `fraction` of them after the point: exactly the
 * double Number() reads from those digits, both being the correctly rounded quotient of two exact
 * values, without parsing the text a second time.
 */
export function scaledDecimal(mantissa: number, fraction: number): number {
  return fraction === 0 ? mantissa : mantissa / POW10[fraction]
}

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
    const value = scaledDecimal(mantissa, fraction)
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
