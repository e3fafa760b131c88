/**
 * Runs one W3C CSVW test through odcheck's `check` command with `--only '#csvw' --json`: in
 * process (the command's own flag parsing, run and report, without a node start-up per
 * test), or through the built binary for a sample. The verdict is read from the report.
 */
import {join} from 'node:path'
import {Config} from '@oclif/core'
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

async function runCheck(args: string[]): Promise<{result?: JsonReport; error?: Error}> {
  config ??= Config.load(repoRoot)
  const loaded = await config
  const exitCode = process.exitCode
  const printed: string[] = []
  // oclif prints with console.log, which the test runner captures itself: take it over for the run.
  const log = console.log
  console.log = (...parts: unknown[]) => void printed.push(parts.map(String).join(' '))
  let result: JsonReport | undefined
  let error: Error | undefined
  try {
    result = (await Check.run(args, loaded)) as JsonReport | undefined
  } catch (thrown) {
    error = thrown as Error
  } finally {
    console.log = log
    // The command sets the exit code for a failing check; the test process keeps its own.
    process.exitCode = exitCode
  }
  if (error || result) return {result, error}
  // With --json, a usage error is printed as {"error": {...}} and nothing is returned.
  const text = printed.join('')
  try {
    return {error: new Error((JSON.parse(text) as {error?: {message?: string}}).error?.message ?? text)}
  } catch {
    return {error: new Error(text || 'no report')}
  }
}

export async function runInProcess(args: string[]): Promise<Outcome> {
  const {result, error} = await runCheck(args)
  if (error || !result) return {verdict: 'tool-error', errors: 0, warnings: 0, detail: error?.message ?? 'no report'}
  return verdictOf(result)
}

/** The JSON report of a run that must succeed. */
export async function runReport(args: string[]): Promise<JsonReport> {
  const {result, error} = await runCheck(args)
  if (error || !result) throw error ?? new Error('no report')
  return result
}

export async function runBinary(args: string[]): Promise<Outcome> {
  const {code, stdout, stderr} = await odcheck(['check', ...args])
  try {
    return verdictOf(JSON.parse(stdout) as JsonReport)
  } catch {
    return {verdict: 'tool-error', errors: 0, warnings: 0, detail: `exit ${code}: ${stderr || stdout}`.slice(0, 2000)}
  }
}
