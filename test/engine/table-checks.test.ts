/**
 * Worker threads load checks/table.ts, the main thread checks/index.ts (table.ts and dataset.ts):
 * table.ts must hold exactly the built-in checks that read rows, or a large table's chunks would
 * fail on a rule the worker cannot find, or load the metadata code the split keeps out of them.
 */
import {describe, expect, it} from 'vitest'
import {readsRows, type AnyCheck} from '../../src/engine/check.js'
import {engineAjv} from '../../src/engine/schema-validator.js'
import {checks as all} from '../../src/checks/index.js'
import {checks as table} from '../../src/checks/table.js'

function withDefaults(check: AnyCheck): Record<string, unknown> {
  const options = {}
  engineAjv().compile(check.optionsSchema)(options)
  return options
}

describe('the built-in checks', () => {
  it('list in table.ts exactly those that read rows', () => {
    const reading = all.filter((check) => readsRows(check.create(withDefaults(check)))).map((c) => c.name)
    expect(table.map((c) => c.name).sort()).toEqual(reading.sort())
  })

  it('are each registered once', () => {
    const names = all.map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
  })
})
