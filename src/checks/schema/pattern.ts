/**
 * Whole-cell pattern matching that cannot hang: RE2 (re2js), linear in the cell's length
 * whatever the pattern. re2js is a JavaScript port, a few microseconds a call; the common
 * patterns of codes (`TX[0-9]{8}`, `E0[5-9]\d{6}`) also run on V8's own engine when their shape
 * rules out backtracking blow-ups: a sequence of single characters or classes, each repeated
 * a fixed number of times but at most one, with no groups or alternatives. V8 then backtracks
 * over that one repeat at most, linear again. Anything else runs on RE2.
 */
import {RE2JS} from 're2js'

/** One atom: an escaped character, a class, `.` or a plain character; then an optional quantifier. */
const ATOM = /^(?:\\[dDwWsS.\\\-/^$|?*+()[\]{}]|\[(?:\\.|[^\\\]])+\]|\.|[^\\[\](){}|^$*+?])(\{\d+\}|\{\d+,\d*\}|[*+?])?/

/** Whether V8 runs this pattern in linear time: see above. */
export function isLinearInV8(pattern: string): boolean {
  let rest = pattern
  let variable = 0
  while (rest.length > 0) {
    const match = ATOM.exec(rest)
    if (!match) return false
    const quantifier = match[1]
    if (quantifier !== undefined && !/^\{\d+\}$/.test(quantifier)) variable++
    if (variable > 1) return false
    rest = rest.slice(match[0].length)
  }
  return true
}

/** A whole-cell test for a schema pattern (already known to compile in RE2). */
export function patternTest(pattern: string): (cell: string) => boolean {
  if (isLinearInV8(pattern)) {
    try {
      const regex = new RegExp(`^(?:${pattern})$`, 'u')
      return (cell) => regex.test(cell)
    } catch {
      // A syntax V8 reads differently: RE2 decides.
    }
  }
  const re2 = RE2JS.compile(pattern)
  return (cell) => re2.testExact(cell)
}
