/**
 * Resolves a config file and everything it extends to plain data: the rule catalog, one
 * merged layer of rule settings, overrides, ignores and the check modules to import.
 */
import {basename, dirname, extname, resolve as resolvePath} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {ConfigOverride} from '../config-types.js'
import {UsageError} from '../errors.js'
import {builtInRuleSets, ruleSetFromData} from '../rule-sets.js'
import type {RuleSetting} from '../select.js'
import type {RuleDefinition, Severity} from '../types.js'
import {displayPath} from './display.js'
import {isLocalSpecifier, resolveSpecifier} from './modules.js'
import {loadPlugin} from './plugins.js'
import {isRuleSetShape, readConfigFile} from './read.js'
import {didYouMean} from './suggest.js'
import type {ConfigSource, NetworkConfig, RawRuleSetting} from './types.js'
import {assertValidConfig} from './validate.js'

export const RECOMMENDED = 'odcheck:recommended'
export const ALL = 'odcheck:all'

/** Settings one config contributes, after its own extends. Later layers win. */
export interface Layer {
  rules: Record<string, RuleSetting>
  overrides: ConfigOverride[]
  ignore: string[]
  maxFindingsPerRule?: number
  online?: boolean
  network?: NetworkConfig
}

/** Where a config names a rule, so unknown ids and bad options can be reported at the key. */
export interface RuleReference {
  id: string
  source: ConfigSource
  path: Array<string | number>
  options?: Record<string, unknown>
}

const emptyLayer = (): Layer => ({rules: {}, overrides: [], ignore: []})

export function mergeRules(into: Record<string, RuleSetting>, from: Record<string, RuleSetting>): void {
  for (const [id, setting] of Object.entries(from)) {
    const before = into[id]
    const options = before?.options || setting.options ? {...before?.options, ...setting.options} : undefined
    into[id] = {severity: setting.severity ?? before?.severity, ...(options ? {options} : {})}
  }
}

function mergeLayer(into: Layer, from: Layer): void {
  mergeRules(into.rules, from.rules)
  into.overrides.push(...from.overrides)
  into.ignore.push(...from.ignore)
  if (from.maxFindingsPerRule !== undefined) into.maxFindingsPerRule = from.maxFindingsPerRule
  if (from.online !== undefined) into.online = from.online
  if (from.network) into.network = {...into.network, ...from.network}
}

function normalizeSetting(value: RawRuleSetting): RuleSetting {
  if (typeof value === 'string') return {severity: value}
  const [severity, options] = value
  return options ? {severity, options} : {severity}
}

function enable(rules: RuleDefinition[], everything = false): Layer {
  const layer = emptyLayer()
  for (const rule of rules) {
    const severity: Severity = everything && rule.severity === 'off' ? 'warning' : rule.severity
    layer.rules[rule.id] = {severity}
  }
  return layer
}

export class ConfigResolver {
  /** Every rule known so far, by id, in the order sets were loaded. */
  readonly catalog = new Map<string, RuleDefinition>()
  /** Named rule sets `extends` may use: built-in and plugins'. */
  readonly sets = new Map<string, RuleDefinition[]>()
  readonly builtInSetNames: string[]
  readonly checkModules: string[]
  /** Config files read, each after those it extends. */
  readonly files: string[] = []
  readonly references: RuleReference[] = []
  private readonly plugins = new Set<string>()
  private readonly ruleSetFiles = new Set<string>()
  private readonly stack: string[] = []
  /** Whether any config of the chain names a rule set in `extends`, or starts from nothing with `extends: []`: else the chain starts from odcheck:recommended. */
  private namesRuleSet = false
  private startsEmpty = false

  constructor(
    private readonly cwd: string,
    builtInChecks: string,
  ) {
    this.checkModules = [builtInChecks]
    for (const [name, rules] of builtInRuleSets()) {
      this.sets.set(name, rules)
      this.addRules(rules, `built-in rule set "${name}"`)
    }
    this.builtInSetNames = [...this.sets.keys()]
  }

  label(file: string): string {
    return displayPath(file, this.cwd)
  }

  private addRules(rules: RuleDefinition[], origin: string): void {
    for (const rule of rules) {
      const existing = this.catalog.get(rule.id)
      if (existing) {
        throw new UsageError(`Rule "${rule.id}" in ${origin} is already defined by rule set "${existing.set}".`, ['Rule ids are global: give the rule another id.'])
      }
      this.catalog.set(rule.id, rule)
    }
  }

  private builtInRules(): RuleDefinition[] {
    return this.builtInSetNames.flatMap((name) => this.sets.get(name) ?? [])
  }

  /** The layer of a config with nothing found: every built-in rule at its default severity. */
  defaults(): Layer {
    return enable(this.builtInRules())
  }

  async resolve(source: ConfigSource, root: boolean): Promise<Layer> {
    if (this.stack.includes(source.file)) {
      const cycle = [...this.stack.slice(this.stack.indexOf(source.file)), source.file].map((f) => this.label(f))
      throw new UsageError(`Config files extend each other in a cycle: ${cycle.join(' → ')}.`, ['Remove one of these extends entries.'])
    }
    this.stack.push(source.file)
    const {data} = source
    for (const spec of data.plugins ?? []) await this.usePlugin(spec, source)

    const layer = emptyLayer()
    const extendsList = data.extends === undefined ? [] : typeof data.extends === 'string' ? [data.extends] : data.extends
    if (data.extends !== undefined && extendsList.length === 0) this.startsEmpty = true
    for (const [index, entry] of extendsList.entries()) {
      mergeLayer(layer, await this.resolveExtends(entry, source, index))
    }
    mergeLayer(layer, this.ownLayer(source))
    this.stack.pop()
    if (!this.files.includes(source.file)) this.files.push(source.file)
    if (!root || this.namesRuleSet || this.startsEmpty) return layer
    // A team config extending only other configs (extends: [./base.yaml]) adds to the defaults, as base.yaml alone would.
    const base = this.defaults()
    mergeLayer(base, layer)
    return base
  }

  private ownLayer(source: ConfigSource): Layer {
    const {data} = source
    const layer = emptyLayer()
    layer.rules = this.ruleSettings(data.rules ?? {}, source, ['rules'])
    layer.overrides = (data.overrides ?? []).map((override, i) => ({
      files: typeof override.files === 'string' ? [override.files] : override.files,
      rules: this.ruleSettings(override.rules, source, ['overrides', i, 'rules']),
    }))
    layer.ignore = [...(data.ignore ?? [])]
    if (data.maxFindingsPerRule !== undefined) layer.maxFindingsPerRule = data.maxFindingsPerRule
    if (data.online !== undefined) layer.online = data.online
    if (data.network) {
      layer.network = {...data.network}
      if (data.network.cacheDir) layer.network.cacheDir = resolvePath(dirname(source.file), data.network.cacheDir)
    }
    return layer
  }

  private ruleSettings(raw: Record<string, RawRuleSetting>, source: ConfigSource, path: Array<string | number>): Record<string, RuleSetting> {
    const settings: Record<string, RuleSetting> = {}
    for (const [id, value] of Object.entries(raw)) {
      settings[id] = normalizeSetting(value)
      this.references.push({id, source, path: [...path, id], options: settings[id].options})
    }
    return settings
  }

  private async usePlugin(spec: string, source: ConfigSource): Promise<void> {
    const plugin = await loadPlugin(spec, source.file, source.label)
    if (this.plugins.has(plugin.url)) return
    this.plugins.add(plugin.url)
    if (plugin.checks.length > 0) this.checkModules.push(plugin.url)
    for (const [name, rules] of plugin.ruleSets) {
      if (this.sets.has(name)) throw new UsageError(`${source.label}: plugin ${plugin.label} defines rule set "${name}", which another rule set already uses.`)
      this.sets.set(name, rules)
      this.addRules(rules, `plugin ${plugin.label}`)
    }
  }

  private async resolveExtends(entry: string, source: ConfigSource, index: number): Promise<Layer> {
    if (entry === RECOMMENDED || entry === ALL || this.sets.has(entry)) this.namesRuleSet = true
    if (entry === RECOMMENDED) return enable(this.builtInRules())
    if (entry === ALL) return enable(this.builtInRules(), true)
    const named = this.sets.get(entry)
    if (named) return enable(named)
    if (entry.startsWith('odcheck:') || (!isLocalSpecifier(entry) && /^[a-z][a-z0-9-]*$/.test(entry) && !this.packageExists(entry, source))) {
      const line = source.lineOf(['extends', index])
      throw new UsageError(`${source.label}: extends "${entry}" names no rule set${line ? ` (line ${line})` : ''}.`, [
        ...didYouMean(entry, [...this.sets.keys(), RECOMMENDED, ALL]),
        `Rule sets: ${[...this.sets.keys(), RECOMMENDED, ALL].join(', ')}; local files start with ./ or ../`,
        ...(entry.startsWith('odcheck:') ? [] : [`If "${entry}" is an npm package, install it beside the config: npm install --save-dev ${entry}`]),
      ])
    }
    const file = resolveSpecifier(entry, source.file, source.label, 'extends entry')
    return this.extendFile(file, entry)
  }

  private packageExists(name: string, source: ConfigSource): boolean {
    try {
      resolveSpecifier(name, source.file, source.label, 'extends entry')
      return true
    } catch {
      return false
    }
  }

  private async extendFile(file: string, spec: string): Promise<Layer> {
    const label = this.label(file)
    if (/\.(c|m)?js$/.test(extname(file))) {
      let mod: {default?: unknown}
      try {
        mod = await import(pathToFileURL(file).href)
      } catch (error) {
        throw new UsageError(`Config package "${spec}" (${label}) cannot be loaded: ${(error as Error).message}`)
      }
      const data = (mod.default ?? mod) as unknown
      if (isRuleSetShape(data)) return this.extendRuleSet(file, structuredClone(data), `"${spec}"`)
      return this.extendConfig({file, label: `"${spec}" (${label})`, data, lineOf: () => undefined})
    }
    const parsed = readConfigFile(file, label)
    if (isRuleSetShape(parsed.data)) return this.extendRuleSet(file, parsed.data, label)
    return this.extendConfig({file, label, data: parsed.data, lineOf: parsed.lineOf})
  }

  private extendRuleSet(file: string, data: unknown, label: string): Layer {
    this.namesRuleSet = true
    const rules = ruleSetFromData(data, label, basename(file).replace(/\.(ya?ml|json|c?m?js)$/, ''))
    if (!this.ruleSetFiles.has(file)) {
      this.ruleSetFiles.add(file)
      this.addRules(rules, `rule set ${label}`)
    }
    return enable(rules)
  }

  private async extendConfig(source: Omit<ConfigSource, 'data'> & {data: unknown}): Promise<Layer> {
    assertValidConfig(source.data, source.label, source.lineOf)
    return this.resolve(source as ConfigSource, false)
  }
}
