/**
 * The report every formatter test reads: the real engine run over test/fixtures/report/
 * (a clean table, an empty file and one with findings of each severity), with the rule list
 * pinned so rules added later do not change the snapshots, and the version normalised.
 */
import {join, relative} from 'node:path'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {buildReport} from '../../src/report/build.js'
import type {JsonReport} from '../../src/report/types.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import type {FormatContext} from '../../src/report/formatters/formatter.js'

export const repoRoot = join(import.meta.dirname, '..', '..')
export const reportFixturesDir = join(repoRoot, 'test', 'fixtures', 'report')
/** Resource names as a user running odcheck at the repository root sees them. */
export const fixturePath = (file: string) => relative(repoRoot, join(reportFixturesDir, file)).split('\\').join('/')

export const PINNED_RULES = ['source-error', 'blank-label', 'duplicate-label', 'blank-row', 'extra-cell', 'missing-cell']
export const TEST_VERSION = '0.0.0-test'

export async function fixtureReport(inputs: string[] = [reportFixturesDir]): Promise<JsonReport> {
  const config = await loadConfig({cwd: repoRoot, searchFrom: reportFixturesDir, builtInChecks: builtInChecksUrl})
  const result = await run({
    inputs,
    cwd: repoRoot,
    config,
    only: PINNED_RULES,
    ruleSettings: {'extra-cell': {severity: 'warning'}, 'blank-row': {severity: 'info'}},
  })
  return buildReport(result, {version: TEST_VERSION, failOn: 'error'})
}

export const context: FormatContext = {color: false, cwd: repoRoot}

/** Machine paths (the source-error message names the absolute file) would make snapshots differ between checkouts. */
export function stable(text: string): string {
  return text.split(repoRoot).join('<repo>')
}
