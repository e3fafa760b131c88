/** Runs the engine on a table written to a fresh temp folder, for names and contents a committed fixture should not have. */
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {loadConfig} from '../../src/engine/config.js'
import {run, type RunOptions} from '../../src/engine/run.js'
import {buildReport} from '../../src/report/build.js'
import type {JsonReport} from '../../src/report/types.js'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {TEST_VERSION} from './fixture-report.js'

export async function reportOnTempTable(name: string, content: string | Buffer, only: string[], options: Partial<RunOptions> = {}): Promise<{report: JsonReport; cwd: string}> {
  const cwd = await mkdtemp(join(tmpdir(), 'odcheck-report-'))
  try {
    await writeFile(join(cwd, name), content)
    const config = await loadConfig({cwd, searchFrom: cwd, builtInChecks: builtInChecksUrl})
    const result = await run({inputs: [name], cwd, config, only, ...options})
    return {report: buildReport(result, {version: TEST_VERSION, failOn: 'error'}), cwd}
  } finally {
    await rm(cwd, {recursive: true, force: true})
  }
}
