/**
 * Worker threads load checks/table.ts, not checks/index.ts: it must hold exactly the built-in
 * checks that read rows, or a large table's chunks would fail on a rule the worker cannot find.
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

describe('the checks worker threads load', () => {
  it('are the built-in checks that read rows, each once', () => {
    const reading = all.filter((check) => readsRows(check.create(withDefaults(check)))).map((c) => c.name)
    expect(table.map((c) => c.name).sort()).toEqual(reading.sort())
  })

  it('are the same definitions the main thread registers', () => {
    for (const check of table) expect(all).toContain(check)
  })
})
