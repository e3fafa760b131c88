/**
 * Large tables are split into chunks checked in parallel, and chunk states are merged in file
 * order: the findings must be exactly those of one pass. Checked on every split point of the
 * fixtures and on random tables split at random places.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import fc from 'fast-check'
import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import type {AnyCheck} from '../../../src/engine/check.js'
import {rowFeeder} from '../../../src/engine/chunk.js'
import {engineAjv} from '../../../src/engine/schema-validator.js'
import {loadRuleSetFile} from '../../../src/engine/rule-sets.js'
import type {FindingInput} from '../../../src/engine/types.js'
import type {Row, TableHead} from '../../../src/table/types.js'
import {personalData} from '../../../src/checks/privacy/personal-data.js'
import {smallCounts} from '../../../src/checks/privacy/small-counts.js'

const repo = join(import.meta.dirname, '..', '..', '..')
const rules = loadRuleSetFile(join(repo, 'rules', 'personal-data.yaml'))

/** The rule's options from the rule set, with the schema's defaults filled in as the engine does. */
function optionsOf(check: AnyCheck, ruleId: string, extra: Record<string, unknown> = {}) {
  const options = structuredClone({...rules.find((r) => r.id === ruleId)!.options, ...extra})
  if (!engineAjv().validate(check.optionsSchema, options)) throw new Error(engineAjv().errorsText())
  return options
}

function headOf(labels: string[]): TableHead {
  return {
    resource: 'test.csv',
    path: 'test.csv',
    format: 'csv',
    encoding: {encoding: 'utf-8', bom: false, source: 'utf8-valid'},
    dialect: {delimiter: ',', quoteChar: '"', header: true, lineTerminator: '\n', skipRows: 0},
    labels,
    preamble: [],
    headerLine: 1,
  }
}

function fixture(path: string): {head: TableHead; rows: Row[]} {
  const records: string[][] = parse(readFileSync(join(repo, 'test', 'fixtures', path)), {relax_column_count: true})
  const rows = records.slice(1).map((cells, i) => ({cells, rowNumber: i + 2, line: i + 2}))
  return {head: headOf(records[0]), rows}
}

/** Runs the check over the rows cut into chunks at `cuts`, merging states left to right, and returns what it reports. */
function findings(check: AnyCheck, options: unknown, head: TableHead, rows: Row[], cuts: number[] = []): {found: FindingInput[]; state: unknown} {
  const hooks = check.create(options)
  const found: FindingInput[] = []
  const report = (f: FindingInput) => found.push(f)
  const bounds = [0, ...cuts, rows.length]
  let state: unknown
  for (let i = 0; i < bounds.length - 1; i++) {
    const chunk = structuredClone(hooks.init!(head))
    const feed = rowFeeder([hooks], [chunk], [report])
    for (const row of rows.slice(bounds[i], bounds[i + 1])) feed.onRow(row)
    feed.end()
    // States cross worker threads: what arrives is a structured clone.
    const arrived = structuredClone(chunk)
    state = i === 0 ? arrived : hooks.merge!(state, arrived, head, report)
  }
  hooks.end!(state, head, {rowCount: rows.length, lineEndings: {crlf: 0, lf: rows.length, cr: 0}, problems: [], bytes: 0}, report)
  return {found, state}
}

const cases: Array<{check: AnyCheck; ruleId: string; path: string; extra?: Record<string, unknown>}> = [
  {check: personalData, ruleId: 'personal-data', path: 'personal-data/people.csv'},
  {check: personalData, ruleId: 'personal-data', path: 'personal-data/redacted-contacts.csv'},
  {check: personalData, ruleId: 'personal-data', path: 'personal-data/role-addresses.csv', extra: {minConfidence: 'low'}},
  {check: personalData, ruleId: 'personal-data', path: 'personal-data/free-text.csv'},
  {check: smallCounts, ruleId: 'small-counts', path: 'small-counts/ward-counts.csv'},
  {check: smallCounts, ruleId: 'small-counts', path: 'small-counts/age-bands.csv'},
]

describe('merging chunk states gives the findings of one pass', () => {
  it.each(cases)('$ruleId on $path, split at every row', ({check, ruleId, path, extra}) => {
    const options = optionsOf(check, ruleId, extra)
    const {head, rows} = fixture(path)
    const single = findings(check, options, head, rows)
    expect(single.found.length).toBeGreaterThan(0)
    for (let cut = 0; cut <= rows.length; cut++) {
      const split = findings(check, options, head, rows, [cut])
      expect(split.found, `split at ${cut}`).toEqual(single.found)
      expect(split.state, `split at ${cut}`).toEqual(single.state)
    }
  })

  it('holds for random tables cut into up to five chunks', () => {
    const labels = ['full_name', 'email', 'contact', 'postcode', 'households', 'notes']
    const pool = [
      'Jane Doe', 'Mrs C Graham', 'REDACTED', 'Acme Ltd', 'NA', '', 'jane.doe@example.org', 'foi@example.gov.uk',
      'j.smith@example.com', 'see jo.bloggs@example.com', 'M32 0TH', 'M33 7XY', 'M32', '07700 900123', '0800 496 0000',
      '3', '4', '12', '0', '*', 'AB123456C', '401 023 2137', 'free text',
    ]
    const row = fc.array(fc.constantFrom(...pool), {minLength: labels.length, maxLength: labels.length + 2})
    const head = headOf(labels)
    fc.assert(
      fc.property(fc.array(row, {minLength: 1, maxLength: 40}), fc.array(fc.nat(), {maxLength: 4}), (cellRows, rawCuts) => {
        const rows = cellRows.map((cells, i) => ({cells, rowNumber: i + 2, line: i + 2}))
        const cuts = [...new Set(rawCuts.map((c) => c % (rows.length + 1)))].sort((a, b) => a - b)
        const runs = [
          {check: personalData, options: optionsOf(personalData, 'personal-data', {minConfidence: 'low', minShare: 0})},
          {check: smallCounts, options: optionsOf(smallCounts, 'small-counts')},
        ]
        for (const {check, options} of runs) {
          expect(findings(check, options, head, rows, cuts).found).toEqual(findings(check, options, head, rows).found)
        }
      }),
      {numRuns: 300},
    )
  })
})
