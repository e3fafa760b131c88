/**
 * Key findings on the parallel path: primary-key, unique-error (Table Schema) and
 * csvw-primary-key must give, for random tables cut into tiny chunks, exactly the findings of
 * one pass, and those must be right: each repeat at its rowNumber and the line where its record
 * starts (cells with line breaks make the two differ), naming the first row with its key.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import fc from 'fast-check'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import type {ResolvedConfig} from '../../src/engine/config-types.js'
import {ParallelRunner} from '../../src/engine/parallel.js'
import type {RunOptions} from '../../src/engine/run.js'
import {singleAndChunked} from './both-ways.js'

let dir: string
let config: ResolvedConfig
let runner: ParallelRunner

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'odcheck-parallel-keys-'))
  config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
  // A chunk per record: with 48-byte chunks a table of mostly blank rows and one long quoted cell was one chunk, and the check that the parallel path ran failed at random.
  runner = new ParallelRunner({jobs: 3, moduleUrls: config.checkModules, chunkBytes: 1, minBytes: 0})
})

afterAll(async () => {
  await runner?.close()
  if (dir) rmSync(dir, {recursive: true, force: true})
})

interface TableRow {
  /** The primary key: an integer as written ('01' is 1), empty (missing) or not an integer. */
  id: string
  /** Unique: empty is not compared. */
  code: string
  note: string
  /** Written as a blank line instead. */
  blank: boolean
  terminator: string
}

const tableRow = fc.record({
  id: fc.constantFrom('1', '2', '3', '01', '4', '', 'x'),
  code: fc.constantFrom('A', 'B', 'C', 'a', ''),
  note: fc.constantFrom('ok', '"two\nlines"', '"three\r\nlines\r\nhere"', '"a, b"', ''),
  blank: fc.constantFrom(false, false, false, true),
  terminator: fc.constantFrom('\n', '\r\n'),
})

function written(rows: TableRow[]): string {
  return 'id,code,note\n' + rows.map((r) => (r.blank ? '' : `${r.id},${r.code},${r.note}`) + r.terminator).join('')
}

/** What the rules must find, worked out from the rows as generated. */
function expected(rows: TableRow[]) {
  const primary: unknown[] = []
  const unique: unknown[] = []
  const firstId = new Map<number, number>()
  const firstCode = new Map<string, number>()
  let line = 2
  rows.forEach((r, i) => {
    const rowNumber = i + 2
    // A row of empty cells is blank too: no key to compare.
    if (!r.blank && (r.id !== '' || r.code !== '' || r.note !== '')) {
      if (r.id === '') primary.push([rowNumber, line, 'missing'])
      else if (r.id !== 'x') {
        const first = firstId.get(Number(r.id))
        if (first) primary.push([rowNumber, line, first])
        else firstId.set(Number(r.id), rowNumber)
      }
      if (r.code !== '') {
        const first = firstCode.get(r.code)
        if (first) unique.push([rowNumber, line, first])
        else firstCode.set(r.code, rowNumber)
      }
    }
    line += 1 + (r.blank ? 0 : (r.note.match(/\r\n|\n/g) ?? []).length)
  })
  return {primary, unique}
}

async function bothWays(name: string, text: string, options: Partial<RunOptions>) {
  const path = join(dir, `${name}.csv`)
  writeFileSync(path, text)
  return singleAndChunked(runner, {inputs: [path], cwd: dir, config, maxFindingsPerRule: 1000, ...options})
}

let count = 0

describe('key findings on the parallel path', () => {
  it('are those of one pass, at the repeat row and line, naming the first row (Table Schema)', async () => {
    const schema = join(dir, 'keys.schema.json')
    writeFileSync(schema, JSON.stringify({fields: [{name: 'id', type: 'integer'}, {name: 'code', type: 'string', constraints: {unique: true}}, {name: 'note', type: 'string'}], primaryKey: ['id']}))
    await fc.assert(
      fc.asyncProperty(fc.array(tableRow, {minLength: 10, maxLength: 40}), async (rows) => {
        const {single, parallel, chunks} = await bothWays(`schema-${++count}`, written(rows), {schemaFile: schema, only: ['primary-key', 'unique-error']})
        expect(chunks).toBeGreaterThan(1)
        expect(parallel.findings).toEqual(single.findings)
        expect(parallel.outcomes).toEqual(single.outcomes)
        const of = (rule: string) => single.findings.filter((f) => f.rule === rule).map((f) => [f.rowNumber, f.line, f.details?.reason ?? f.details?.firstRowNumber])
        const want = expected(rows)
        expect(of('primary-key')).toEqual(want.primary)
        expect(of('unique-error')).toEqual(want.unique)
      }),
      {numRuns: 40, endOnFailure: true},
    )
  }, 300_000)

  it('are those of one pass, at the repeat row and line, naming the first row (CSVW)', async () => {
    await fc.assert(
      // Every row has an integer key: CSVW compares empty keys and blank rows too, which the Table Schema oracle skips.
      fc.asyncProperty(fc.array(tableRow.map((r) => ({...r, id: r.id === '' || r.id === 'x' ? '5' : r.id, blank: false})), {minLength: 10, maxLength: 40}), async (rows) => {
        const name = `csvw-${++count}`
        writeFileSync(
          join(dir, `${name}.csv-metadata.json`),
          JSON.stringify({
            '@context': 'http://www.w3.org/ns/csvw',
            url: `${name}.csv`,
            tableSchema: {columns: [{name: 'id', titles: 'id', datatype: 'integer'}, {name: 'code', titles: 'code'}, {name: 'note', titles: 'note'}], primaryKey: 'id'},
          }),
        )
        const {single, parallel, chunks} = await bothWays(name, written(rows), {only: ['csvw-primary-key']})
        expect(chunks).toBeGreaterThan(1)
        expect(parallel.findings).toEqual(single.findings)
        expect(parallel.outcomes).toEqual(single.outcomes)
        expect(single.findings.map((f) => [f.rowNumber, f.line, f.details?.firstRowNumber])).toEqual(expected(rows).primary)
      }),
      {numRuns: 25, endOnFailure: true},
    )
  }, 300_000)
})
