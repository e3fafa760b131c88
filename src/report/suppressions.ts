/**
 * Bulk suppressions in the manner of ESLint's: findings already known are recorded as counts
 * per (resource, rule) in `odcheck-suppressions.json`, so a run fails only on new ones.
 *
 * The file (version 1), meant to be committed and reviewed:
 *
 *   {
 *     "odcheckSuppressions": 1,
 *     "resources": {
 *       "data/spend-2023.csv": {"blank-row": {"count": 2}, "extra-cell": {"count": 14}}
 *     }
 *   }
 *
 * Resource paths are relative to the folder holding the file, with forward slashes, so the
 * file stays valid wherever odcheck is run from. Keys are sorted so diffs stay small.
 */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {dirname, isAbsolute, relative, resolve, sep} from 'node:path'
import {resourceName} from '../load/discover.js'
import {didYouMean} from '../engine/config/suggest.js'
import {UsageError} from '../engine/errors.js'
import type {RunResult} from '../engine/run.js'
import {severityRank, type Severity} from '../engine/types.js'
import type {StaleSuppression} from './types.js'
import {writeOutputFile} from './write-output.js'
import {shownPath} from '../load/shown-paths.js'

export const SUPPRESSIONS_FILE = 'odcheck-suppressions.json'
export const SUPPRESSIONS_VERSION = 1

export interface SuppressionsFileData {
  odcheckSuppressions: typeof SUPPRESSIONS_VERSION
  resources: Record<string, Record<string, {count: number}>>
}

/** Counts by absolute resource path, then rule id. */
export type SuppressionCounts = Map<string, Map<string, number>>

export interface Suppressions {
  /** Absolute path of the file. */
  file: string
  /** Whether the file existed when read. */
  exists: boolean
  counts: SuppressionCounts
}

/** Outcomes of a run by absolute resource path: what recording and pruning compare against. */
interface CheckedResource {
  key: string
  outcomes: Array<{rule: string; severity: Exclude<Severity, 'off'>; count: number}>
}

function invalid(file: string, why: string): UsageError {
  return new UsageError(`Suppressions file ${file} is invalid: ${why}.`, [`Fix it, or delete it and record again with --suppress-all.`])
}

export function parseSuppressions(text: string, file: string): SuppressionCounts {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw invalid(file, `not JSON (${(error as Error).message})`)
  }
  const root = data as Partial<SuppressionsFileData> | null
  if (!root || typeof root !== 'object') throw invalid(file, 'it must be a JSON object')
  if (root.odcheckSuppressions !== SUPPRESSIONS_VERSION) {
    throw invalid(file, `"odcheckSuppressions" must be ${SUPPRESSIONS_VERSION} (this odcheck reads version ${SUPPRESSIONS_VERSION})`)
  }
  if (!root.resources || typeof root.resources !== 'object') throw invalid(file, '"resources" must be an object')
  const counts: SuppressionCounts = new Map()
  const base = dirname(file)
  for (const [path, rules] of Object.entries(root.resources)) {
    const byRule = new Map<string, number>()
    for (const [rule, entry] of Object.entries(rules ?? {})) {
      const count = (entry as {count?: unknown} | null)?.count
      if (!Number.isInteger(count) || (count as number) < 0) throw invalid(file, `resources.${path}.${rule}.count must be a whole number`)
      if ((count as number) > 0) byRule.set(rule, count as number)
    }
    if (byRule.size > 0) counts.set(resolve(base, path), byRule)
  }
  return counts
}

export async function readSuppressions(file: string): Promise<Suppressions> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {file, exists: false, counts: new Map()}
    throw new UsageError(`Suppressions file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
  }
  return {file, exists: true, counts: parseSuppressions(text, file)}
}

export function serializeSuppressions(suppressions: Suppressions): string {
  const base = dirname(suppressions.file)
  const resources: SuppressionsFileData['resources'] = {}
  const keyed = [...suppressions.counts].map(([path, rules]) => [relative(base, path).split(sep).join('/'), rules] as const)
  for (const [path, rules] of keyed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const entry: Record<string, {count: number}> = {}
    for (const rule of [...rules.keys()].sort()) entry[rule] = {count: rules.get(rule)!}
    if (Object.keys(entry).length > 0) resources[path] = entry
  }
  const data: SuppressionsFileData = {odcheckSuppressions: SUPPRESSIONS_VERSION, resources}
  return JSON.stringify(data, null, 2) + '\n'
}

/** odcheck's own file: replaced atomically, no --force needed. */
export async function writeSuppressions(suppressions: Suppressions): Promise<void> {
  await writeOutputFile(suppressions.file, serializeSuppressions(suppressions), true)
}

/** What `buildReport` takes: counts keyed by the resource names the report uses (relative to cwd). */
export function countsByResourceName(suppressions: Suppressions, cwd: string): Map<string, Map<string, number>> {
  return new Map([...suppressions.counts].map(([path, rules]) => [resourceName(path, cwd), rules]))
}

function checkedResources(result: RunResult, cwd: string): CheckedResource[] {
  // A file of an unpacked archive by its path through the archive, which stays the same from run to run.
  const checked: CheckedResource[] = result.tables.map((t) => ({key: resolve(cwd, shownPath(t.path)), outcomes: t.outcomes}))
  if (result.dataset) {
    const name = result.dataset.resource
    checked.push({key: isAbsolute(name) ? name : resolve(cwd, name), outcomes: result.dataset.outcomes})
  }
  return checked
}

export interface RecordOptions {
  /** Rules to record; every rule with findings at or above `failOn` when absent (`--suppress-all`). */
  rules?: string[]
  failOn: Exclude<Severity, 'off'>
}

/**
 * Records the counts found now for the resources this run checked, replacing what was recorded
 * for them; other resources' entries stay. Returns how many findings are now recorded.
 */
export function recordSuppressions(suppressions: Suppressions, result: RunResult, cwd: string, options: RecordOptions): number {
  let recorded = 0
  for (const {key, outcomes} of checkedResources(result, cwd)) {
    const byRule = new Map(suppressions.counts.get(key))
    for (const outcome of outcomes) {
      const inScope = options.rules ? options.rules.includes(outcome.rule) : severityRank[outcome.severity] >= severityRank[options.failOn]
      if (!inScope) continue
      if (outcome.count > 0) {
        byRule.set(outcome.rule, outcome.count)
        recorded += outcome.count
      } else byRule.delete(outcome.rule)
    }
    if (byRule.size > 0) suppressions.counts.set(key, byRule)
    else suppressions.counts.delete(key)
  }
  return recorded
}

/** Entries whose resource no longer exists: stale whatever was checked. */
export function missingResources(suppressions: Suppressions, cwd: string): StaleSuppression[] {
  const stale: StaleSuppression[] = []
  for (const [path, rules] of suppressions.counts) {
    if (existsSync(path)) continue
    for (const [rule, recorded] of rules) stale.push({resource: resourceName(path, cwd), rule, recorded, found: 0})
  }
  return stale
}

/**
 * Lowers recorded counts to what this run found (removing those now at zero) and drops entries
 * for resources that no longer exist. Rules that did not run are left alone: `--only` is not a fix.
 * Returns how many entries changed.
 */
export function pruneSuppressions(suppressions: Suppressions, result: RunResult, cwd: string): number {
  let changed = 0
  for (const path of [...suppressions.counts.keys()]) {
    if (!existsSync(path)) {
      changed += suppressions.counts.get(path)!.size
      suppressions.counts.delete(path)
    }
  }
  for (const {key, outcomes} of checkedResources(result, cwd)) {
    const byRule = suppressions.counts.get(key)
    if (!byRule) continue
    for (const outcome of outcomes) {
      const recorded = byRule.get(outcome.rule)
      if (recorded === undefined || recorded <= outcome.count) continue
      changed++
      if (outcome.count > 0) byRule.set(outcome.rule, outcome.count)
      else byRule.delete(outcome.rule)
    }
    if (byRule.size === 0) suppressions.counts.delete(key)
  }
  return changed
}

export interface SuppressionFlags {
  suppressAll?: boolean
  suppressRules?: string[]
  prune?: boolean
  /** `--suppressions-location`, relative to cwd. */
  location?: string
  failOn: Exclude<Severity, 'off'>
}

/** Refuses contradictory flags and unknown rule ids before the run starts. */
export function validateSuppressionFlags(flags: SuppressionFlags, ruleIds: string[]): void {
  const given = [flags.suppressAll && '--suppress-all', flags.suppressRules?.length && '--suppress-rule', flags.prune && '--prune-suppressions'].filter(Boolean)
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} cannot be used together.`, ['Record with --suppress-all or --suppress-rule, and prune in a separate run.'])
  for (const id of flags.suppressRules ?? []) {
    if (!ruleIds.includes(id)) {
      throw new UsageError(`--suppress-rule ${id} names no rule.`, [...didYouMean(id, ruleIds), 'List the rules with: odcheck rules'])
    }
  }
}

export interface AppliedSuppressions {
  /** For `buildReport`: counts by resource name. */
  counts: Map<string, Map<string, number>>
  /** How the report names the file; absent when there is none. */
  file?: string
  /** Entries for resources that no longer exist. */
  missing: StaleSuppression[]
  /** What was written, for the user. */
  notice?: string
}

/** Reads the suppressions file, records or prunes as the flags ask (writing it back), and returns what the report needs. */
export async function applySuppressions(result: RunResult, cwd: string, flags: SuppressionFlags): Promise<AppliedSuppressions> {
  const suppressions = await readSuppressions(resolve(cwd, flags.location ?? SUPPRESSIONS_FILE))
  const label = resourceName(suppressions.file, cwd)
  let notice: string | undefined
  if (flags.suppressAll || flags.suppressRules?.length) {
    const recorded = recordSuppressions(suppressions, result, cwd, {rules: flags.suppressRules, failOn: flags.failOn})
    await writeSuppressions(suppressions)
    notice = `Recorded ${recorded} finding${recorded === 1 ? '' : 's'} as known in ${label}.`
  } else if (flags.prune && suppressions.exists) {
    const changed = pruneSuppressions(suppressions, result, cwd)
    await writeSuppressions(suppressions)
    notice = `Pruned ${changed} suppression${changed === 1 ? '' : 's'} no longer needed from ${label}.`
  }
  const written = suppressions.exists || notice !== undefined
  return {
    counts: countsByResourceName(suppressions, cwd),
    file: written ? label : undefined,
    missing: written ? missingResources(suppressions, cwd) : [],
    notice,
  }
}
