/**
 * Runs one W3C CSVW test through odcheck's `check` command with `--only '#csvw' --json`: in
 * process (the command's own flag parsing, run and report, without a node start-up per
 * test), or through the built binary for a sample. The verdict is read from the report.
 */
import {join} from 'node:path'
import {Config} from '@oclif/core'
import {captureOutput} from '@oclif/test'
import Check from '../../../src/commands/check.js'
import type {JsonReport} from '../../../src/report/types.js'
import {odcheck, repoRoot} from '../../helpers/cli.js'
import type {ConformanceTest, Verdict} from './manifest.js'

export interface Outcome {
  verdict: Verdict | 'tool-error'
  errors: number
  warnings: number
  /** The findings (or the tool error), for the failure message. */
  detail: string
}

/** The command line for a test; `base` is the local server's URL for tests served over HTTP. */
export function argsFor(test: ConformanceTest, suiteDir: string, base?: string): string[] {
  const input = test.http ? `${base}${test.action}` : join(suiteDir, test.action)
  const args = [input, '--only', '#csvw', '--json', '--jobs', '1']
  if (test.metadata) args.push('--metadata', join(suiteDir, test.metadata))
  if (test.http) args.push('--online', '--allow-private-network')
  return args
}

export function verdictOf(report: JsonReport): Outcome {
  const {errors, warnings} = report.summary
  const detail = report.findings.map((f) => `${f.severity} ${f.rule} ${f.resource}${f.rowNumber ? ` row ${f.rowNumber}` : ''}: ${f.message}`).join('\n')
  return {verdict: errors > 0 ? 'invalid' : warnings > 0 ? 'warnings' : 'valid', errors, warnings, detail}
}

let config: Promise<Config> | undefined

export async function runInProcess(args: string[]): Promise<Outcome> {
  config ??= Config.load(repoRoot)
  const loaded = await config
  const exitCode = process.exitCode
  const {result, error} = await captureOutput<JsonReport>(() => Check.run(args, loaded))
  // The command sets the exit code for a failing check; the test process keeps its own.
  process.exitCode = exitCode
  if (error || !result) return {verdict: 'tool-error', errors: 0, warnings: 0, detail: error?.message ?? 'no report'}
  return verdictOf(result)
}

export async function runBinary(args: string[]): Promise<Outcome> {
  const {code, stdout, stderr} = await odcheck(['check', ...args])
  try {
    return verdictOf(JSON.parse(stdout) as JsonReport)
  } catch {
    return {verdict: 'tool-error', errors: 0, warnings: 0, detail: `exit ${code}: ${stderr || stdout}`.slice(0, 2000)}
  }
}
