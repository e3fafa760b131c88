/** After resolution: every rule a config names must exist, and options it gives must suit the rule's check. */
import type {ValidateFunction} from 'ajv'
import {UsageError} from '../errors.js'
import {CheckRegistry} from '../registry.js'
import {engineAjv} from '../schema-validator.js'
import type {RuleDefinition} from '../types.js'
import {keyPath} from './display.js'
import type {RuleReference} from './resolve.js'
import {closest} from './suggest.js'
import {describeError} from './validate.js'

/** `.odcheck.yaml: rules.blnk-row: unknown rule "blnk-row" (line 3)` */
function problemAt(reference: RuleReference, path: Array<string | number>, message: string): string {
  const line = reference.source.lineOf(path)
  return `${reference.source.label}: ${keyPath(path)}: ${message}${line ? ` (line ${line})` : ''}`
}

export function assertKnownRules(references: RuleReference[], catalog: Map<string, RuleDefinition>): void {
  const problems: string[] = []
  for (const reference of references) {
    if (catalog.has(reference.id)) continue
    const guess = closest(reference.id, catalog.keys())
    problems.push(problemAt(reference, reference.path, `unknown rule "${reference.id}"${guess ? `; did you mean "${guess}"?` : ''}`))
  }
  if (problems.length === 0) return
  throw new UsageError(`Invalid config:\n  ${problems.join('\n  ')}`, ['List the rules with: odcheck rules', 'A plugin\'s rules are known once the plugin is listed under "plugins".'])
}

const compiled = new WeakMap<object, ValidateFunction>()

export async function assertValidOptions(references: RuleReference[], catalog: Map<string, RuleDefinition>, checkModules: string[]): Promise<void> {
  const withOptions = references.filter((r) => r.options)
  if (withOptions.length === 0) return
  const registry = await CheckRegistry.load(checkModules)
  const problems: string[] = []
  for (const reference of withOptions) {
    const rule = catalog.get(reference.id)
    const check = rule && registry.get(rule.check)
    if (!rule || !check) continue
    let validate = compiled.get(check.optionsSchema)
    if (!validate) {
      validate = engineAjv().compile(check.optionsSchema)
      compiled.set(check.optionsSchema, validate)
    }
    if (validate(structuredClone({...rule.options, ...reference.options}))) continue
    for (const error of validate.errors ?? []) {
      const problem = describeError(error, () => Object.keys((check.optionsSchema as {properties?: object}).properties ?? {}), `option of check "${check.name}"`)
      if (!problem) continue
      const path = [...reference.path, 1, ...problem.path]
      problems.push(problemAt(reference, path, problem.message))
    }
  }
  if (problems.length) throw new UsageError(`Invalid rule options in config:\n  ${[...new Set(problems)].join('\n  ')}`, ['Each rule\'s options are listed by: odcheck rules show ID'])
}
