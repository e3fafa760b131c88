/** Entry point: finds the config that applies, resolves it to plain data and checks it names real rules. */
import {dirname, resolve} from 'node:path'
import type {ResolvedConfig} from '../config-types.js'
import type {RuleSetting} from '../select.js'
import {assertKnownRules, assertValidOptions} from './check-references.js'
import {displayPath} from './display.js'
import {findConfigFile} from './find.js'
import {readConfigFile} from './read.js'
import {ConfigResolver, type Layer} from './resolve.js'
import type {ConfigSource} from './types.js'
import {assertValidConfig} from './validate.js'

export interface LoadConfigOptions {
  cwd: string
  /** Folder to search upwards from for a config file. */
  searchFrom: string
  /** `--config FILE` (relative to cwd): used instead of searching. */
  configFile?: string
  /** URL of the built-in check module. */
  builtInChecks: string
  /** Skip the search: built-in rules at their default severities. */
  noSearch?: boolean
}

export function readConfigSource(file: string, cwd: string): ConfigSource {
  const label = displayPath(file, cwd)
  const parsed = readConfigFile(file, label)
  assertValidConfig(parsed.data, label, parsed.lineOf)
  return {file, label, data: parsed.data as ConfigSource['data'], lineOf: parsed.lineOf}
}

export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const resolver = new ConfigResolver(options.cwd, options.builtInChecks)
  const file = options.configFile ? resolve(options.cwd, options.configFile) : options.noSearch ? undefined : findConfigFile(resolve(options.cwd, options.searchFrom))
  let layer: Layer
  if (file) {
    layer = await resolver.resolve(readConfigSource(file, options.cwd), true)
    assertKnownRules(resolver.references, resolver.catalog)
    await assertValidOptions(resolver.references, resolver.catalog, resolver.checkModules)
  } else {
    layer = resolver.defaults()
  }
  const catalog = [...resolver.catalog.values()]
  // A rule no extended set turned on (a plugin's, say) is known but off until a config names it.
  const rules: Record<string, RuleSetting> = {}
  for (const rule of catalog) rules[rule.id] = layer.rules[rule.id] ?? {severity: 'off'}
  return {
    catalog,
    rules,
    overrides: layer.overrides,
    ignore: layer.ignore,
    checkModules: resolver.checkModules,
    baseDir: file ? dirname(file) : resolve(options.cwd, options.searchFrom),
    files: resolver.files,
    ...(file ? {configFile: file} : {}),
    ...(layer.maxFindingsPerRule !== undefined ? {maxFindingsPerRule: layer.maxFindingsPerRule} : {}),
    ...(layer.online !== undefined ? {online: layer.online} : {}),
    ...(layer.network ? {network: layer.network} : {}),
  }
}
