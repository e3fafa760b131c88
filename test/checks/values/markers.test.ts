/**
 * markerMatcher (src/checks/values/markers.ts) rules most values out by length and first
 * character before lower-casing them: it must still find exactly the values a lower-cased set
 * lookup finds, whatever the case and script.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {DEFAULT_PLACEHOLDERS, markerMatcher, markerSet} from '../../../src/checks/values/markers.js'

describe('markerMatcher', () => {
  it('finds the default placeholders in any case, and nothing else', () => {
    const isPlaceholder = markerMatcher(DEFAULT_PLACEHOLDERS)
    for (const value of ['n/a', 'N/A', 'Not Known', 'NOT APPLICABLE', '—', '[LOW]', 'tbc']) expect(isPlaceholder(value), value).toBe(value.toLowerCase())
    for (const value of ['TX10000000', '28694.52', 'GB634501746', 'Wirral Council', 'N/A2', 'Unknowns', '']) expect(isPlaceholder(value), value).toBeUndefined()
  })

  it('agrees with a lower-cased set lookup on any value, markers of any length and script included', () => {
    const letters = fc.constantFrom('a', 'N', 'k', 'K', '\u212a', 'i', 'I', '\u0130', '\u0307', '/', '-', '1', '?', ' ', 'é', 'É', 'ß', 'x'.repeat(31))
    const text = fc.array(letters, {maxLength: 6}).map((cs) => cs.join(''))
    fc.assert(
      fc.property(fc.array(text, {minLength: 1, maxLength: 6}), fc.array(text, {maxLength: 30}), (markers, values) => {
        const keys = markerSet(markers)
        const matches = markerMatcher(markers)
        for (const value of [...values, ...markers.map((m) => m.trim().toUpperCase())]) {
          const trimmedValue = value.trim()
          expect(matches(trimmedValue), JSON.stringify(trimmedValue)).toBe(keys.has(trimmedValue.toLowerCase()) ? trimmedValue.toLowerCase() : undefined)
        }
      }),
      {numRuns: 3000},
    )
  })
})
