/**
 * The W3C CSV on the Web validation suite (../shared/corpus/csvw-tests): every test runs
 * through odcheck's `check` command with `--only '#csvw'`, and its verdict (valid, valid
 * with warnings, invalid) must be the manifest's. Inputs under the suite's base URL
 * (http://www.w3.org/2013/csvw/tests/) are read from the folder; tests that need a Link
 * header, a query string or /.well-known/csvm are served from a local 127.0.0.1 server.
 * The options noProv and minimal only shape conversion output, so validation ignores them;
 * `metadata` becomes --metadata. Prints `N passed, M failed` and the failing ids.
 */
import {existsSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {readManifest, type ConformanceTest} from '../csvw/conformance/manifest.js'
import {argsFor, runBinary, runInProcess, runReport, type Outcome} from '../csvw/conformance/run-test.js'
import {serveSuite, type SuiteServer} from '../csvw/conformance/server.js'
import {repoRoot} from '../helpers/cli.js'
import {hasShared, sharedDir, skipReason} from './shared.js'

const suiteDir = join(sharedDir, 'corpus', 'csvw-tests')
const hasSuite = hasShared && existsSync(join(suiteDir, 'manifest-validation.jsonld'))
const tests: ConformanceTest[] = hasSuite ? readManifest(suiteDir) : []
/** One test of each verdict and kind, also run through the built binary to show it agrees with the in-process runs. */
const BINARY_SAMPLE = ['test001', 'test011', 'test040', 'test092', 'test125', 'test234', 'test120']
const hasBinary = existsSync(join(repoRoot, 'dist', 'commands', 'check.js'))

describe.skipIf(!hasSuite)(hasSuite ? 'W3C CSVW validation suite' : `${skipReason} (no csvw-tests)`, () => {
  let server: SuiteServer
  const failed: string[] = []
  let passed = 0

  beforeAll(async () => {
    const links = Object.fromEntries(tests.filter((t) => t.httpLink).map((t) => [t.action.replace(/\?.*$/, ''), t.httpLink!]))
    server = await serveSuite(suiteDir, links)
  })

  afterAll(async () => {
    await server?.close()
    console.log(`${passed} passed, ${failed.length} failed`)
    if (failed.length > 0) console.log(`failing: ${failed.join(' ')}`)
  })

  it.each(tests.map((t) => [t.id, t.expected, t.name, t] as const))('%s is %s: %s', async (id, expected, _name, test) => {
    const outcome: Outcome = await runInProcess(argsFor(test, suiteDir, server.base))
    if (outcome.verdict === expected) passed++
    else failed.push(id)
    expect(outcome.verdict, `${id} expected ${expected}, odcheck said ${outcome.verdict}:\n${outcome.detail}`).toBe(expected)
  })

  it.skipIf(!hasBinary).each(BINARY_SAMPLE)('the built odcheck binary agrees on %s', async (id) => {
    const test = tests.find((t) => t.id === id)!
    const outcome = await runBinary(argsFor(test, suiteDir, server.base))
    expect(outcome.verdict, outcome.detail).toBe(test.expected)
  })
})

const traffordDir = join(sharedDir, 'corpus', 'real', 'trafford')
const hasTrafford = hasShared && existsSync(traffordDir)

/** What each of Trafford's own CSVW files must give: the rules and codes found, and words the messages must hold. */
const TRAFFORD: Array<{input: string; findings: Array<[string, string, RegExp?]>}> = [
  {input: 'cctv-cameras/trafford_cctv_cameras.csv-metadata.json', findings: []},
  {input: 'cctv-cameras/trafford_cctv_cameras.geojson-metadata.json', findings: [['csvw-table-missing', 'table-missing', /is GeoJSON, not CSV/]]},
  {input: 'licensed-vehicles/csv-metadata.json', findings: []},
  {
    input: 'procurement-card-transactions/csv-metadata.json',
    findings: [
      ['csvw-metadata-error', 'json-syntax', /trailing comma before "}" at line 4, column 66/],
      ['csvw-table-missing', 'table-missing', /2024-25\.csv .* it does not exist/],
      ['csvw-table-missing', 'table-missing', /2025-26\.csv .* it does not exist/],
    ],
  },
  {
    input: 'public-funerals/trafford_public_funerals.csv',
    findings: [['csvw-table-not-described', 'not-describing', /does not describe .*trafford_public_funerals\.csv: it lists https:\/\/www\.trafforddatalab\.io/]],
  },
  {input: 'senior-salaries/senior_salaries_employees.csv-metadata.json', findings: [['csvw-metadata-error', 'json-syntax', /a double quote inside a text value at line 25, column 163/]]},
  {
    input: 'supplier-spend-2026-27/csv-metadata.json',
    findings: [
      // The 2026-27 table is published zipped beside the metadata: read from the zip, it has an InvoiceNumber column the metadata leaves out.
      ['csvw-column-titles', '', /The header has 16 columns but the metadata describes 15/],
      ['csvw-column-titles', '', /Header "InvoiceNumber" does not match column ProfitCentre of the metadata/],
      ['csvw-column-titles', '', /Header "ProfitCentre" does not match column VATRegistrationNumber/],
      ['csvw-metadata-error', 'json-syntax', /trailing comma before "}" at line 4, column 49/],
      ['csvw-table-missing', 'table-missing', /2024-25\.csv .* it does not exist/],
      ['csvw-table-missing', 'table-missing', /2025-26\.csv .* it does not exist/],
      ['csvw-table-missing', 'table-missing', /2026-27\.csv .* there is trafford-supplier-spend-2026-27\.zip beside it, and odcheck checks the trafford-supplier-spend-2026-27\.csv in it/],
    ],
  },
]

describe.skipIf(!hasTrafford)(hasTrafford ? "Trafford Council's own CSVW files" : `${skipReason} (no real corpus)`, () => {
  it.each(TRAFFORD.map((t) => [t.input, t] as const))('%s gives a precise report', async (_input, {input, findings}) => {
    const report = await runReport([join(traffordDir, input), '--only', '#csvw', '--json', '--jobs', '1'])
    const found = report.findings.map((f) => [f.rule, f.details?.code ?? '', f.message] as const)
    expect(found.map(([rule, code]) => [rule, code])).toEqual(findings.map(([rule, code]) => [rule, code]))
    findings.forEach(([, , words], i) => words && expect(found[i][2]).toMatch(words))
  })

  it.each(hasTrafford ? readdirSync(traffordDir).sort() : [])('the folder %s is checked without a crash', async (folder) => {
    const outcome = await runInProcess([join(traffordDir, folder), '--only', '#csvw', '--json', '--jobs', '1'])
    expect(outcome.verdict, outcome.detail).not.toBe('tool-error')
  })
})
