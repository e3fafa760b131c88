/** Loads rule sets (YAML data) and validates them against schemas/rule-set.schema.json. */
import {createHash} from 'node:crypto'
import {readFileSync, readdirSync} from 'node:fs'
import {basename, join} from 'node:path'
import {parse as parseYaml} from 'yaml'
import {describeErrors, schemaValidator} from './schema-validator.js'
import {UsageError} from './errors.js'
import {markValidated} from './options.js'
import {packageRoot, rulesDir} from './paths.js'
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

/**
 * The built-in rule sets compiled at build time by scripts/compile-rules.mjs: parsed, checked
 * against the rule-set schema, and each rule's options filled with its check's defaults. Saves
 * parsing YAML and compiling ~70 option schemas on every start.
 */
export const compiledRulesFile = join(packageRoot, 'dist', 'rules.compiled.json')

export interface CompiledRules {
  /** Of the rule files it was compiled from: used only while they are unchanged. */
  fingerprint: string
  sets: Record<string, RuleDefinition[]>
  /** Per check name, the options schema the rules' options were validated against (see `schemaHash`). */
  schemas: Record<string, string>
}

/** The rule files in `rules/` (names, in order) and their text. */
export function ruleSources(): {files: string[]; texts: string[]} {
  const files = readdirSync(rulesDir)
    .sort()
    .filter((entry) => /\.ya?ml$/.test(entry) && !entry.startsWith('_'))
  return {files, texts: files.map((file) => readFileSync(join(rulesDir, file), 'utf8'))}
}

/** A digest of the rule files' names and text. */
export function rulesFingerprint(files: string[], texts: string[]): string {
  const hash = createHash('sha256')
  files.forEach((file, i) => hash.update(`${file}\0${texts[i]}\0`))
  return hash.digest('hex')
}

function readCompiled(fingerprint: string): CompiledRules | undefined {
  try {
    const compiled = JSON.parse(readFileSync(compiledRulesFile, 'utf8')) as CompiledRules
    return compiled.fingerprint === fingerprint ? compiled : undefined
  } catch {
    return undefined
  }
}

/** The rule sets shipped in `rules/`, by name (file name without extension): compiled ones while the YAML is unchanged. */
export function builtInRuleSets(): Map<string, RuleDefinition[]> {
  const {files, texts} = ruleSources()
  const compiled = readCompiled(rulesFingerprint(files, texts))
  if (compiled) {
    for (const rules of Object.values(compiled.sets)) for (const rule of rules) markValidated(rule.options, compiled.schemas[rule.check])
    return new Map(Object.entries(compiled.sets))
  }
  return parseRuleSets({files, texts})
}

/** The rule sets in `rules/` parsed from their YAML (what the build compiles). */
export function parseRuleSets({files, texts} = ruleSources()): Map<string, RuleDefinition[]> {
  const sets = new Map<string, RuleDefinition[]>()
  files.forEach((entry, i) => {
    const rules = parseRuleSet(texts[i], join(rulesDir, entry), entry.replace(/\.ya?ml$/, ''))
    sets.set(rules[0]?.set ?? entry.replace(/\.ya?ml$/, ''), rules)
  })
  return sets
}
