/**
 * CSVW number format patterns (tabular-data-model 6.4.2, a subset of Unicode TR35 number
 * patterns): `#,##0.00`, `0.0##E0`, `%000`, with the metadata's decimalChar and groupChar.
 * A pattern compiles to a structural regular expression plus digit counts checked in code,
 * so the regex built from a pattern stays small and linear.
 */
import escapeStringRegexp from 'escape-string-regexp'

export interface CompiledNumberPattern {
  /** The pattern as written. */
  pattern: string
  /** Group 1: the sign written after the prefix; group 2: the digits. */
  regex: RegExp
  /** A minus sign written in the pattern itself (`-0`). */
  negative: boolean
  minInteger: number
  minFraction: number
  maxFraction: number
  /** Divide the parsed number by this (100 for %, 1000 for ‰). */
  scale: number
  decimalChar: string
  groupChar: string
}

/** Compiles a pattern; a string explains why it is not a usable pattern. */
export function compileNumberPattern(pattern: string, decimalChar = '.', groupChar = ','): CompiledNumberPattern | string {
  const start = pattern.search(/[#0]/)
  if (start < 0) return `"${pattern}" has no digit placeholder (# or 0)`
  const prefix = pattern.slice(0, start)
  let i = start
  let integer = ''
  while (i < pattern.length && (pattern[i] === '#' || pattern[i] === '0' || pattern.startsWith(groupChar, i))) {
    integer += pattern[i] === '#' || pattern[i] === '0' ? pattern[i] : '\u0000'
    i += pattern[i] === '#' || pattern[i] === '0' ? 1 : groupChar.length
  }
  let fraction: string | undefined
  if (pattern.startsWith(decimalChar, i)) {
    i += decimalChar.length
    fraction = ''
    while (i < pattern.length && (pattern[i] === '#' || pattern[i] === '0' || pattern.startsWith(groupChar, i))) {
      fraction += pattern[i] === '#' || pattern[i] === '0' ? pattern[i] : '\u0000'
      i += pattern[i] === '#' || pattern[i] === '0' ? 1 : groupChar.length
    }
  }
  let exponent: {sign: string; min: number; max: number} | undefined
  if (pattern[i] === 'E') {
    i++
    const sign = pattern[i] === '+' || pattern[i] === '-' ? pattern[i++] : ''
    const digits = /^[#0]*/.exec(pattern.slice(i))![0]
    i += digits.length
    if (digits.length === 0) return `"${pattern}" has an exponent (E) with no digits after it`
    exponent = {sign, min: digits.replace(/#/g, '').length, max: digits.length}
  }
  const suffix = pattern.slice(i)
  if (/[#0]/.test(suffix) || (decimalChar && suffix.includes(decimalChar) && /[#0]/.test(suffix))) return `"${pattern}" has digit placeholders after its end`
  if (/0#/.test(integer.replace(/\u0000/g, ''))) return `"${pattern}" puts an optional digit (#) after a required one (0) in the integer part`
  if (fraction !== undefined && /#0/.test(fraction.replace(/\u0000/g, ''))) return `"${pattern}" puts a required digit (0) after an optional one (#) in the fraction`

  const groups = integer.split('\u0000')
  if (groups.length > 1 && groups[groups.length - 1].length === 0) return `"${pattern}" ends its integer part with a group separator`
  const primary = groups.length > 1 ? groups[groups.length - 1].length : 0
  const secondary = groups.length > 2 ? groups[groups.length - 2].length : primary
  const d = '\\d'
  const g = escapeStringRegexp(groupChar)
  const integerRe = primary > 0 ? `(?:${d}{1,${secondary}}(?:${g}${d}{${secondary}})*${g}${d}{${primary}}|${d}{1,${primary}})?` : `${d}*`

  let fractionRe = ''
  const minFraction = fraction ? fraction.replace(/[#\u0000]/g, '').length : 0
  const maxFraction = fraction ? fraction.replace(/\u0000/g, '').length : 0
  if (fraction !== undefined && maxFraction > 0) {
    const parts = fraction.split('\u0000')
    const size = parts.length > 1 ? parts[0].length : 0
    const digits = size > 0 ? `(?:${d}{${size}}${g})*${d}{1,${size}}` : `${d}+`
    fractionRe = `(?:${escapeStringRegexp(decimalChar)}${digits})${minFraction > 0 ? '' : '?'}`
  }
  const exponentRe = exponent ? `[Ee]${exponent.sign ? escapeStringRegexp(exponent.sign) : '[+-]?'}${d}{${Math.max(exponent.min, 1)},${exponent.max}}` : ''
  const signRe = /[+-]/.test(prefix) ? '' : '[+-]?'
  const regex = new RegExp(`^${escapeStringRegexp(prefix)}(${signRe})(${integerRe}${fractionRe}${exponentRe})${escapeStringRegexp(suffix)}$`)
  const marks = prefix + suffix
  return {
    pattern,
    regex,
    negative: prefix.includes('-'),
    minInteger: integer.replace(/[#\u0000]/g, '').length,
    minFraction,
    maxFraction,
    scale: marks.includes('%') ? 100 : marks.includes('‰') ? 1000 : 1,
    decimalChar,
    groupChar,
  }
}
