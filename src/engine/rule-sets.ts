/** Loads rule sets (YAML data) and validates them against schemas/rule-set.schema.json. */
import {readFileSync, readdirSync} from 'node:fs'
import {basename, join} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {describeErrors, schemaValidator} from './schema-validator.js'
import {UsageError} from './errors.js'
import {rulesDir} from './paths.js'
import type {RuleDefinition} from './types.js'

interface RuleSetFile {
  set?: string
  description?: string
  rules: Array<Omit<RuleDefinition, 'set' | 'tags' | 'options'> & {tags?: string[]; options?: Record<string, unknown>}>
}

export function parseRuleSet(text: string, file: string, fallbackName: string): RuleDefinition[] {
  let data: unknown
  try {
    data = parseYaml(text)
  } catch (error) {
    throw new UsageError(`Rule set ${file} is not valid YAML: ${(error as Error).message}`)
  }
  return ruleSetFromData(data, file, fallbackName)
}

/** Validates a rule set already parsed (from YAML, or an object a plugin exports). */
export function ruleSetFromData(data: unknown, file: string, fallbackName: string): RuleDefinition[] {
  const validate = schemaValidator('rule-set.schema.json')
  if (!validate(data)) {
    throw new UsageError(`Rule set ${file} is invalid:\n  ${describeErrors(validate.errors).join('\n  ')}`)
  }
  const ruleSet = data as RuleSetFile
  const set = ruleSet.set ?? fallbackName
  return ruleSet.rules.map((rule) => ({...rule, set, tags: rule.tags ?? [], options: rule.options ?? {}}))
}

export function loadRuleSetFile(file: string): RuleDefinition[] {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`Rule set ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? error}).`)
  }
  return parseRuleSet(text, file, basename(file).replace(/\.ya?ml$/, ''))
}

/** The rule sets shipped in `rules/`, by name (file name without extension). */
export function builtInRuleSets(): Map<string, RuleDefinition[]> {
  const sets = new Map<string, RuleDefinition[]>()
  for (const entry of readdirSync(rulesDir).sort()) {
    if (!/\.ya?ml$/.test(entry) || entry.startsWith('_')) continue
    const rules = loadRuleSetFile(join(rulesDir, entry))
    sets.set(rules[0]?.set ?? entry.replace(/\.ya?ml$/, ''), rules)
  }
  return sets
}
