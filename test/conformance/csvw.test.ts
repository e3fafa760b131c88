/**
 * The W3C CSV on the Web validation suite (../shared/corpus/csvw-tests): every test runs
 * through odcheck's `check` command with `--only '#csvw'`, and its verdict (valid, valid
 * with warnings, invalid) must be the manifest's. Inputs under the suite's base URL
 * (http://www.w3.org/2013/csvw/tests/) are read from the folder; tests that need a Link
 * header, a query string or /.well-known/csvm are served from a local 127.0.0.1 server.
 * The options noProv and minimal only shape conversion output, so validation ignores them;
 * `metadata` becomes --metadata. Prints `N passed, M failed` and the failing ids.
 */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {readManifest, type ConformanceTest} from '../csvw/conformance/manifest.js'
import {argsFor, runBinary, runInProcess, type Outcome} from '../csvw/conformance/run-test.js'
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
