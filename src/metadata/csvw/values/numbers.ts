/** Parses a cell as one of the numeric datatypes, with or without a number format pattern (tabular-data-model 6.4.2). */
import escapeStringRegexp from 'escape-string-regexp'
import type {NumberFormat} from '../types.js'
import {derivesFrom} from '../vocabulary.js'
import {compileNumberPattern, type CompiledNumberPattern} from './number-pattern.js'

export type NumberResult = {ok: true; value: number; integer?: bigint} | {ok: false; reason: string}

const INTEGER_RANGES: Record<string, [bigint | undefined, bigint | undefined]> = {
  long: [-(2n ** 63n), 2n ** 63n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  short: [-32768n, 32767n],
  byte: [-128n, 127n],
  nonNegativeInteger: [0n, undefined],
  positiveInteger: [1n, undefined],
  unsignedLong: [0n, 2n ** 64n - 1n],
  unsignedInt: [0n, 2n ** 32n - 1n],
  unsignedShort: [0n, 65535n],
  unsignedByte: [0n, 255n],
  nonPositiveInteger: [undefined, 0n],
  negativeInteger: [undefined, -1n],
}

const patternCache = new Map<string, CompiledNumberPattern | string>()

export function numberPattern(format: NumberFormat): CompiledNumberPattern | string {
  const key = `${format.pattern}\u0000${format.decimalChar}\u0000${format.groupChar ?? ','}`
  let compiled = patternCache.get(key)
  if (compiled === undefined) {
    compiled = compileNumberPattern(format.pattern ?? '', format.decimalChar, format.groupChar ?? ',')
    if (patternCache.size > 1000) patternCache.clear()
    patternCache.set(key, compiled)
  }
  return compiled
}

/** The number written with `.` and no group separators, or a reason it does not follow the pattern. */
function withPattern(value: string, compiled: CompiledNumberPattern): {text: string; scale: number} | string {
  const match = compiled.regex.exec(value)
  if (!match) return `does not match the number pattern ${compiled.pattern}`
  const numeric = match[2]
  const [mantissa] = numeric.split(/[Ee]/)
  const decimalAt = mantissa.indexOf(compiled.decimalChar)
  const integerPart = decimalAt < 0 ? mantissa : mantissa.slice(0, decimalAt)
  const fractionPart = decimalAt < 0 ? '' : mantissa.slice(decimalAt + compiled.decimalChar.length)
  const integerDigits = integerPart.split(compiled.groupChar).join('').length
  const fractionDigits = fractionPart.split(compiled.groupChar).join('').length
  if (integerDigits + fractionDigits === 0) return 'has no digits'
  if (integerDigits < compiled.minInteger) return `has fewer than ${compiled.minInteger} integer digits`
  if (fractionDigits < compiled.minFraction || fractionDigits > compiled.maxFraction) {
    return compiled.minFraction === compiled.maxFraction ? `does not have ${compiled.maxFraction} decimal places` : `does not have between ${compiled.minFraction} and ${compiled.maxFraction} decimal places`
  }
  const sign = match[1] === '-' || compiled.negative ? '-' : ''
  const plain = numeric.split(compiled.groupChar).join('').replace(compiled.decimalChar, '.')
  return {text: sign + plain, scale: compiled.scale}
}

function withoutPattern(value: string, format: NumberFormat): {text: string; scale: number} | string {
  const d = escapeStringRegexp(format.decimalChar)
  const g = format.groupChar ? escapeStringRegexp(format.groupChar) : ''
  const digits = g ? `[0-9${g}]` : '[0-9]'
  const re = new RegExp(`^([+-]?)((?:[0-9]${digits}*(?:${d}[0-9]*)?|${d}[0-9]+)(?:[Ee][+-]?[0-9]+)?)([%‰]?)$`)
  const match = re.exec(value)
  if (!match) return 'is not a number'
  const plain = (format.groupChar ? match[2].split(format.groupChar).join('') : match[2]).replace(format.decimalChar, '.')
  return {text: match[1] + plain, scale: match[3] === '%' ? 100 : match[3] === '‰' ? 1000 : 1}
}

export function parseNumber(value: string, base: string, format: NumberFormat | undefined): NumberResult {
  const isDecimal = derivesFrom(base, 'decimal')
  const isInteger = derivesFrom(base, 'integer')
  const fmt: NumberFormat = format ?? {decimalChar: '.', groupChar: null}
  if (value === 'NaN' || value === 'INF' || value === '-INF' || value === '+INF') {
    if (isDecimal) return {ok: false, reason: `is not allowed for ${base} (only for double, float and number)`}
    return {ok: true, value: value === 'NaN' ? Number.NaN : value.startsWith('-') ? -Infinity : Infinity}
  }
  const group = fmt.groupChar ?? (fmt.pattern !== undefined ? ',' : null)
  if (group && value.includes(group + group)) return {ok: false, reason: `has two group separators ("${group}") in a row`}
  let parsed: {text: string; scale: number} | string
  if (fmt.pattern !== undefined) {
    const compiled = numberPattern(fmt)
    parsed = typeof compiled === 'string' ? withoutPattern(value, fmt) : withPattern(value, compiled)
  } else parsed = withoutPattern(value, fmt)
  if (typeof parsed === 'string') return {ok: false, reason: parsed}
  const {text, scale} = parsed
  const hasExponent = /[Ee]/.test(text)
  if (isDecimal && hasExponent) return {ok: false, reason: `has an exponent, which ${base} does not allow`}
  if (isInteger && (text.includes('.') || scale !== 1)) return {ok: false, reason: `is not a whole number, as ${base} requires`}
  const number = Number(text) / scale
  if (Number.isNaN(number)) return {ok: false, reason: 'is not a number'}
  if (!isInteger) return {ok: true, value: number}
  const integer = BigInt(text.replace(/^\+/, ''))
  const range = INTEGER_RANGES[rangeBase(base)]
  if (range) {
    const [min, max] = range
    if ((min !== undefined && integer < min) || (max !== undefined && integer > max)) {
      return {ok: false, reason: `is outside the range of ${base} (${min ?? '-∞'} to ${max ?? '∞'})`}
    }
  }
  return {ok: true, value: number, integer}
}

function rangeBase(base: string): string {
  return Object.hasOwn(INTEGER_RANGES, base) ? base : 'integer'
}
