/**
 * byte-count, hash-count and row-count: the file against what its data package resource
 * declares (`bytes`, `hash`, and `stats.rows` or datahub's `count_of_rows`), from the counts
 * and the hash computed in the one pass over its bytes.
 */
import {defineCheck} from '../../engine/check.js'

export const byteCount = defineCheck<Record<string, never>, undefined>({
  name: 'byte-count',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'The file has {{actual}} bytes but its data package resource "{{resource}}" declares {{expected}}'},
  create: () => ({
    end(_state, head, stats, report) {
      const expected = head.packageResource?.bytes
      if (expected === undefined || head.format === 'xlsx' || stats.bytes === expected) return
      report({details: {resource: head.packageResource!.name, expected, actual: stats.bytes}})
    },
  }),
})

export const hashCount = defineCheck<Record<string, never>, undefined>({
  name: 'hash-count',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'The {{algorithm}} hash of the file is {{actual}} but its data package resource "{{resource}}" declares {{expected}}: the file has changed since the package was written'},
  create: () => ({
    end(_state, head, stats, report) {
      const declared = head.packageResource?.hash
      const actual = declared ? stats.hashes?.[declared.algorithm] : undefined
      if (!declared || actual === undefined || actual === declared.value) return
      report({details: {resource: head.packageResource!.name, algorithm: declared.algorithm, expected: declared.value, actual}})
    },
  }),
})

export const rowCount = defineCheck<Record<string, never>, undefined>({
  name: 'row-count',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'The file has {{actual}} data rows but its data package resource "{{resource}}" declares {{expected}}'},
  create: () => ({
    end(_state, head, stats, report) {
      const expected = head.packageResource?.rows
      if (expected === undefined || stats.rowCount === expected) return
      report({details: {resource: head.packageResource!.name, expected, actual: stats.rowCount}})
    },
  }),
})
