/**
 * RuleTester in the manner of ESLint's: each rule gets valid and invalid fixtures from
 * test/fixtures/<rule-id>/, runs with only that rule enabled, and the test asserts the
 * rule id, rowNumber, fieldNumber and details of what it finds, never message wording.
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadConfig} from '../../src/engine/config.js'
import {run, type RunOptions} from '../../src/engine/run.js'
import type {Finding} from '../../src/engine/types.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures')

export interface ExpectedFinding {
  /** The file a finding is about; dataset-level findings name the metadata file or a table. */
  resource?: string
  rowNumber?: number
  fieldNumber?: number
  fieldName?: string
  line?: number
  details?: Record<string, unknown>
}

export interface InvalidCase {
  file: string
  findings: ExpectedFinding[]
  /** Exact total when more are found than listed. */
  count?: number
  options?: Record<string, unknown>
  run?: Partial<RunOptions>
}

export interface ValidCase {
  file: string
  options?: Record<string, unknown>
  run?: Partial<RunOptions>
}

export async function findingsOf(ruleId: string, file: string, options?: Record<string, unknown>, runOptions: Partial<RunOptions> = {}) {
  const path = join(fixturesDir, ruleId, file)
  const config = await loadConfig({cwd: fixturesDir, searchFrom: fixturesDir, builtInChecks: builtInChecksUrl})
  const result = await run({
    inputs: [path],
    cwd: fixturesDir,
    config,
    only: [ruleId],
    ruleSettings: options ? {[ruleId]: {options}} : undefined,
    ...runOptions,
  })
  const table = result.tables[0]
  // Table rules report on the (first) table; dataset-level rules (metadata, licence) once, after the tables.
  const outcomes = [...(table?.outcomes ?? []), ...(result.dataset?.outcomes ?? [])].filter((o) => o.rule === ruleId)
  const findings = [...(table?.findings ?? []), ...(result.dataset?.findings ?? [])].filter((f) => f.rule === ruleId)
  return {findings, count: outcomes.reduce((n, o) => n + o.count, 0), table, result}
}

function pick(f: Finding, expected: ExpectedFinding): ExpectedFinding {
  const out: ExpectedFinding = {}
  for (const key of Object.keys(expected) as Array<keyof ExpectedFinding>) {
    if (key === 'details') {
      out.details = Object.fromEntries(Object.keys(expected.details!).map((k) => [k, f.details?.[k]]))
    } else (out as Record<string, unknown>)[key] = f[key]
  }
  return out
}

export function ruleTester(ruleId: string, cases: {valid: Array<string | ValidCase>; invalid: InvalidCase[]}): void {
  describe(`rule ${ruleId}`, () => {
    for (const entry of cases.valid) {
      const c = typeof entry === 'string' ? {file: entry} : entry
      it(`finds nothing in ${c.file}`, async () => {
        const {findings} = await findingsOf(ruleId, c.file, c.options, c.run)
        expect(findings).toEqual([])
      })
    }
    for (const c of cases.invalid) {
      it(`finds ${c.count ?? c.findings.length} in ${c.file}`, async () => {
        const {findings, count} = await findingsOf(ruleId, c.file, c.options, c.run)
        expect(findings.every((f) => f.rule === ruleId)).toBe(true)
        expect(findings.map((f, i) => pick(f, c.findings[i] ?? {}))).toEqual(c.findings)
        expect(count).toBe(c.count ?? c.findings.length)
      })
    }
  })
}
