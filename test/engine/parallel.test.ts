/**
 * The parallel path must give exactly what the single-threaded path gives: same findings
 * (ids, rows, fields, lines, details, counts, including findings a check's `merge` reports) and
 * the same table stats, for any CSV text, however it is cut into chunks.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import type {ResolvedConfig} from '../../src/engine/config-types.js'
import {ParallelRunner, workerModuleUrl, workerScript} from '../../src/engine/parallel.js'
import {run, type RunOptions} from '../../src/engine/run.js'
import type {RuleSetting} from '../../src/engine/select.js'
import {singleAndChunked} from './both-ways.js'
import {csvText} from './csv-arbitrary.js'

let dir: string
let config: ResolvedConfig
let everyRule: Record<string, RuleSetting>
let runner: ParallelRunner

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'odcheck-parallel-'))
  config = await loadConfig({cwd: dir, searchFrom: dir, builtInChecks: builtInChecksUrl})
  // Every rule on, including those off by default (duplicate-row reports through merge).
  everyRule = Object.fromEntries(config.catalog.filter((r) => r.severity === 'off').map((r) => [r.id, {severity: 'warning' as const}]))
  expect(Object.keys(everyRule)).toContain('duplicate-row')
  // One pool for the whole file, cut into tiny chunks so every case crosses many boundaries.
  runner = new ParallelRunner({jobs: 3, moduleUrls: config.checkModules, chunkBytes: 64, minBytes: 0})
})

afterAll(async () => {
  await runner?.close()
  if (dir) rmSync(dir, {recursive: true, force: true})
})

let fileCount = 0

async function bothWays(bytes: Buffer, options: Partial<RunOptions> = {}) {
  const path = join(dir, `table-${++fileCount}.csv`)
  writeFileSync(path, bytes)
  const {single, parallel, chunks} = await singleAndChunked(runner, {inputs: [path], cwd: dir, config, ruleSettings: everyRule, maxFindingsPerRule: 5, ...options})
  return {single, parallel, chunked: chunks}
}

function comparable(table: Awaited<ReturnType<typeof bothWays>>['single']) {
  return {findings: table.findings, outcomes: table.outcomes, stats: table.stats, head: table.head, sourceError: table.sourceError?.message}
}

describe('parallel chunked checking', () => {
  it('gives exactly the single-threaded findings and stats for random CSV text', async () => {
    const header = fc.constantFrom('', 'id,name,amount,date\n', 'Spend over £500\r\n\r\nid,supplier,amount,ward\r\n', 'a;b;c\n')
    await fc.assert(
      fc.asyncProperty(header, csvText({maxRows: 30}), fc.boolean(), async (head, body, legacy) => {
        const text = head + body
        const bytes = legacy ? iconv.encode(text, 'windows-1252') : Buffer.from(text, 'utf8')
        const {single, parallel, chunked} = await bothWays(bytes, legacy ? {encoding: 'windows-1252'} : {})
        if (!single.sourceError) expect(chunked).toBeGreaterThan(0)
        expect(comparable(parallel)).toEqual(comparable(single))
      }),
      {numRuns: 60, endOnFailure: true},
    )
  }, 300_000)

  it('decides the encoding of a table with a plain ASCII start at its first non-ASCII byte, as the single-threaded reader does', async () => {
    const rows = (n: number, from = 0) => Array.from({length: n}, (_, i) => `${from + i},Ward ${i % 21},${i % 97}.50\r\n`).join('')
    // Over 64 KB of ASCII rows (about 19 bytes each), so the sample read to open the table is plain ASCII; then random rows
    // in Windows-1252, in UTF-8, or UTF-8 then Windows-1252, with up to a few chunks of ASCII rows between the two parts.
    const asciiStart = fc.integer({min: 3600, max: 4400}).map((n) => 'id,name,amount\r\n' + rows(n))
    const encode = (text: string, encoding: string) => (encoding === 'utf-8' ? Buffer.from(text) : iconv.encode(text, encoding))
    const late = new ParallelRunner({jobs: 3, moduleUrls: config.checkModules, chunkBytes: 4096, minBytes: 0})
    const check = async (bytes: Buffer) => {
      const path = join(dir, `late-${++fileCount}.csv`)
      writeFileSync(path, bytes)
      const {single, parallel, chunks} = await singleAndChunked(late, {inputs: [path], cwd: dir, config, ruleSettings: everyRule, maxFindingsPerRule: 5})
      expect(chunks).toBeGreaterThan(5)
      expect(comparable(parallel)).toEqual(comparable(single))
      return single
    }
    try {
      await fc.assert(
        fc.asyncProperty(
          asciiStart,
          csvText({maxRows: 20}),
          fc.integer({min: 0, max: 800}),
          csvText({maxRows: 20}),
          fc.constantFrom(['windows-1252', 'windows-1252'], ['utf-8', 'utf-8'], ['utf-8', 'windows-1252']),
          async (ascii, first, between, second, [firstEncoding, secondEncoding]) => {
            await check(Buffer.concat([Buffer.from(ascii), encode(first, firstEncoding), Buffer.from('\r\n' + rows(between)), encode(second, secondEncoding)]))
          },
        ),
        {numRuns: 12, endOnFailure: true},
      )
      // For certain: Windows-1252 after the ASCII start; and UTF-8 there with Windows-1252 bytes some chunks later.
      const ascii = fc.sample(asciiStart, 1)[0]
      const legacy = await check(Buffer.concat([Buffer.from(ascii), iconv.encode('Caf\u00e9 Nero,\u00a35.00,1\r\n', 'windows-1252')]))
      expect(legacy.head?.encoding.encoding).toBe('windows-1252')
      expect(legacy.findings.filter((f) => f.rule.startsWith('encoding')).map((f) => [f.rule, f.fieldNumber, f.details?.char])).toEqual([['encoding-not-utf8', 1, 'é']])
      const utf8Rows = 'Caf\u00e9 Nero,\u00a35.00,1\r\n'.repeat(10)
      const utf8 = await check(Buffer.concat([Buffer.from(ascii + utf8Rows + rows(800)), iconv.encode('Caf\u00e9 Rouge,\u00a36.00,2\r\n', 'windows-1252')]))
      expect(utf8.head?.encoding.encoding).toBe('utf-8')
      expect(utf8.findings.filter((f) => f.rule.startsWith('encoding')).map((f) => [f.rule, f.fieldNumber, f.details?.problem])).toEqual([
        ['encoding-error', 1, 'byte 0xE9 is not valid UTF-8'],
        ['encoding-error', 2, 'byte 0xA3 is not valid UTF-8'],
      ])
    } finally {
      await late.close()
    }
  }, 300_000)

  it('splits a table with repeated rows, stray quotes and line breaks in cells into many chunks and still agrees', async () => {
    const rows = ['id,supplier,amount,note']
    for (let i = 1; i <= 400; i++) {
      const note = i % 7 === 0 ? '"two\r\nlines"' : i % 11 === 0 ? 'say "hi"' : i % 13 === 0 ? '"open, comma"' : 'x'
      rows.push(i % 5 === 0 ? rows[i - 1] : `${i},"Smith, Jones & Co",${(i * 3.7).toFixed(2)},${note}`)
    }
    rows.push('', '999,last,1', '')
    const {single, parallel, chunked} = await bothWays(Buffer.from(rows.join('\r\n')))
    expect(chunked).toBeGreaterThan(100)
    expect(single.findings.some((f) => f.rule === 'duplicate-row')).toBe(true)
    expect(single.outcomes.find((o) => o.rule === 'duplicate-row')!.count).toBeGreaterThan(5)
    expect(comparable(parallel)).toEqual(comparable(single))
  }, 60_000)

  it("reads a table quoted with ' in one piece, with the findings of a single pass", async () => {
    // Line breaks and commas inside ' quotes: a boundary scan that knows only " would cut records in half.
    const rows = ['id,supplier,note', ...Array.from({length: 200}, (_, i) => `${i + 1},'Smith, Jones & Co','${i % 9 === 0 ? 'two\nlines' : "O''Brien"}'`)]
    const {single, parallel, chunked} = await bothWays(Buffer.from(rows.join('\n') + '\n'))
    expect(single.head?.dialect.quoteChar).toBe("'")
    expect(single.findings.filter((f) => f.rule === 'extra-cell' || f.rule === 'missing-cell')).toEqual([])
    expect(chunked).toBe(0)
    expect(comparable(parallel)).toEqual(comparable(single))
  }, 60_000)

  it('names the first row whose line break differs when that row lies in a later chunk', async () => {
    const rows = ['id,supplier,amount']
    for (let i = 1; i <= 200; i++) rows.push(`${i},${i === 120 ? '"two\r\nlines"' : 'Acme'},${i}.00`)
    // Rows 150 and 180 (lines 151 and 181, below the two-line value in row 121) end with LF, the others with CRLF.
    const text = rows.map((r, i) => r + (i === 149 || i === 179 ? '\n' : '\r\n')).join('')
    const {single, parallel, chunked} = await bothWays(Buffer.from(text))
    expect(chunked).toBeGreaterThan(10)
    const found = (t: typeof single) => t.findings.filter((f) => f.rule === 'mixed-line-endings').map((f) => [f.rowNumber, f.line, f.details?.differing])
    expect(found(single)).toEqual([[150, 151, 2]])
    expect(found(parallel)).toEqual(found(single))
    expect(comparable(parallel)).toEqual(comparable(single))
  }, 60_000)

  it('turns an error inside a worker into a clear error naming the file and line, without hanging', async () => {
    const plugin = pathToFileURL(join(import.meta.dirname, 'fixtures', 'throwing-check.js')).href
    const pluginConfig: ResolvedConfig = {
      ...config,
      checkModules: [...config.checkModules, plugin],
      catalog: [...config.catalog, {id: 'throws-on-boom', set: 'test', severity: 'error', description: 'throws', docs: '', tags: [], check: 'throws-on-boom', options: {}}],
    }
    const path = join(dir, 'boom.csv')
    writeFileSync(path, ['id,value', ...Array.from({length: 200}, (_, i) => `${i + 1},${i === 150 ? 'boom' : 'ok'}`)].join('\n'))
    const failing = new ParallelRunner({jobs: 2, moduleUrls: pluginConfig.checkModules, chunkBytes: 64, minBytes: 0})
    try {
      await expect(run({inputs: [path], cwd: dir, config: pluginConfig, only: ['throws-on-boom'], runChunks: failing.runChunks})).rejects.toThrow(
        /boom\.csv from line \d+ in a worker thread failed: cannot handle row 152/,
      )
    } finally {
      await failing.close()
    }
  }, 60_000)

  it('starts and stops its own worker pool when run() is given --jobs', async () => {
    const rows = ['id,supplier,amount', ...Array.from({length: 300}, (_, i) => `${i % 10},"Supplier ${i % 5}, Ltd",${(i % 10) * 2.5}`)]
    const path = join(dir, 'jobs.csv')
    writeFileSync(path, rows.join('\n'))
    const common = {inputs: [path], cwd: dir, config, ruleSettings: everyRule}
    const single = (await run({...common, jobs: 1})).tables[0]
    const parallel = (await run({...common, jobs: 2, parallel: {chunkBytes: 256, minBytes: 0}})).tables[0]
    expect(single.outcomes.find((o) => o.rule === 'duplicate-row')!.count).toBeGreaterThan(0)
    expect(comparable(parallel)).toEqual(comparable(single))
  }, 60_000)

  it('checks a chunk again, without the heap limit, when a worker runs out of memory on it', async () => {
    // A 24 MB cell cannot be read within a 16 MB worker heap: the worker dies, and the chunk must still be checked.
    const rows = ['id,note', ...Array.from({length: 50}, (_, i) => `${i + 1},short`), `51,"${'x'.repeat(24 << 20)}"`, '52,short', '52,short']
    const path = join(dir, 'big-cell.csv')
    writeFileSync(path, rows.join('\n'))
    const small = new ParallelRunner({jobs: 2, moduleUrls: config.checkModules, chunkBytes: 256, minBytes: 0, workerHeapMb: 16})
    try {
      const common = {inputs: [path], cwd: dir, config, ruleSettings: everyRule}
      const single = (await run(common)).tables[0]
      const parallel = (await run({...common, runChunks: small.runChunks})).tables[0]
      expect(single.outcomes.find((o) => o.rule === 'duplicate-row')!.count).toBe(1)
      expect(comparable(parallel)).toEqual(comparable(single))
    } finally {
      await small.close()
    }
  }, 120_000)

  it('runs workers from the compiled dist/ files, also for check modules given as TypeScript source, and gives them only the checks that read rows', () => {
    expect(workerScript()).toMatch(/dist[/\\]engine[/\\]chunk-worker\.js$/)
    expect(workerModuleUrl(builtInChecksUrl)).toMatch(/\/dist\/checks\/table\.js$/)
    expect(workerModuleUrl('file:///elsewhere/plugin.js')).toBe('file:///elsewhere/plugin.js')
  })
})
