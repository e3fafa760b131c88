/** Loads plugins: plain ES modules exporting `{checks?, ruleSets?}`, imported once each. */
import {dirname, resolve} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {AnyCheck} from '../check.js'
import {UsageError} from '../errors.js'
import {loadRuleSetFile, ruleSetFromData} from '../rule-sets.js'
import type {RuleDefinition} from '../types.js'
import {resolveSpecifier} from './modules.js'

export interface LoadedPlugin {
  /** file: URL, also given to worker threads so they can import the same checks. */
  url: string
  label: string
  checks: AnyCheck[]
  ruleSets: Map<string, RuleDefinition[]>
}

interface PluginExports {
  checks?: unknown
  ruleSets?: unknown
}

function checkProblems(checks: unknown): string[] {
  if (!Array.isArray(checks)) return ['"checks" must be an array of check definitions']
  const problems: string[] = []
  checks.forEach((check, i) => {
    const c = check as Partial<AnyCheck> | null
    if (!c || typeof c !== 'object') return problems.push(`checks[${i}] must be an object`)
    if (typeof c.name !== 'string' || !c.name) problems.push(`checks[${i}].name must be a non-empty string`)
    if (!c.optionsSchema || typeof c.optionsSchema !== 'object') problems.push(`checks[${i}].optionsSchema must be a JSON Schema object`)
    if (!c.messages || typeof c.messages !== 'object') problems.push(`checks[${i}].messages must be an object of message templates`)
    if (typeof c.create !== 'function') problems.push(`checks[${i}].create must be a function`)
  })
  return problems
}

function loadRuleSets(value: unknown, file: string, label: string): Map<string, RuleDefinition[]> {
  const sets = new Map<string, RuleDefinition[]>()
  if (value === undefined) return sets
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`Plugin ${label}: "ruleSets" must be an object of rule sets by name.`)
  }
  for (const [name, entry] of Object.entries(value)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new UsageError(`Plugin ${label}: rule set name "${name}" must be kebab-case.`)
    const rules =
      typeof entry === 'string'
        ? loadRuleSetFile(resolve(dirname(file), entry))
        : ruleSetFromData(structuredClone(entry), `${label} ruleSets.${name}`, name)
    sets.set(name, rules.map((rule) => ({...rule, set: name})))
  }
  return sets
}

export async function loadPlugin(spec: string, fromFile: string, configLabel: string): Promise<LoadedPlugin> {
  const file = resolveSpecifier(spec, fromFile, configLabel, 'plugin')
  const url = pathToFileURL(file).href
  const label = `"${spec}"`
  let mod: PluginExports & {default?: PluginExports}
  try {
    mod = await import(url)
  } catch (error) {
    throw new UsageError(`${configLabel}: plugin ${label} cannot be loaded: ${(error as Error).message}`)
  }
  const exported: PluginExports = mod.checks !== undefined || mod.ruleSets !== undefined ? mod : (mod.default ?? {})
  if (exported.checks === undefined && exported.ruleSets === undefined) {
    throw new UsageError(`${configLabel}: plugin ${label} exports neither "checks" nor "ruleSets".`, ['A plugin exports {checks?: CheckDefinition[], ruleSets?: {name: rule set}}, as named exports or a default export.'])
  }
  const problems = exported.checks === undefined ? [] : checkProblems(exported.checks)
  if (problems.length) throw new UsageError(`${configLabel}: plugin ${label} is invalid:\n  ${problems.join('\n  ')}`)
  return {url, label, checks: (exported.checks as AnyCheck[] | undefined) ?? [], ruleSets: loadRuleSets(exported.ruleSets, file, label)}
}
