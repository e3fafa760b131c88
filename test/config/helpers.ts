/** Loads a config and runs it the way `odcheck check` does, in-process. */
import {dirname, join, resolve} from 'node:path'
import {statSync} from 'node:fs'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import {fixturesDir} from '../helpers/rule-tester.js'

export const configFixtures = join(fixturesDir, 'config')

export function loadFrom(cwd: string, options: {searchFrom?: string; configFile?: string} = {}) {
  return loadConfig({cwd, searchFrom: options.searchFrom ?? cwd, configFile: options.configFile, builtInChecks: builtInChecksUrl})
}

/** Runs on `inputs` (relative to `cwd`), searching for the config from the first input as the CLI does. */
export async function check(cwd: string, inputs: string[], options: {configFile?: string} = {}) {
  const first = resolve(cwd, inputs[0])
  const searchFrom = statSync(first).isDirectory() ? first : dirname(first)
  const config = await loadFrom(cwd, {searchFrom, configFile: options.configFile})
  const result = await run({inputs, cwd, config})
  /** Severity each rule ran at per resource, and its count: `{'legacy/old.csv': {'blank-row': ['error', 1]}}`. */
  const outcomes = Object.fromEntries(result.tables.map((t) => [t.resource, Object.fromEntries(t.outcomes.map((o) => [o.rule, [o.severity, o.count] as const]))]))
  return {config, result, outcomes}
}

/** oclif wraps long messages on stderr and prefixes lines with ›: join them back into one line of text. */
export function oneLine(stderr: string): string {
  return stderr.replace(/\n\s*›\s*/g, ' ').replace(/›/g, '').replace(/\s+/g, ' ')
}
