/** Entry point: finds the config that applies, resolves it to plain data and checks it names real rules. */
import {stat} from 'node:fs/promises'
import {dirname, resolve} from 'node:path'
import picomatch from 'picomatch'
import {UsageError} from '../errors.js'
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

/** The folder a path's config is searched from: the folder itself, a file's folder, a glob's fixed start (`ign` of `ign/**\/*.csv`), else (a web address) the working directory. */
export async function searchFolderOf(cwd: string, path: string): Promise<string> {
  const full = resolve(cwd, path)
  const info = await stat(full).catch(() => undefined)
  if (info) return info.isDirectory() ? full : dirname(full)
  const {base, isGlob} = picomatch.scan(path)
  if (!isGlob) return cwd
  const start = resolve(cwd, base)
  return (await stat(start).catch(() => undefined))?.isDirectory() ? start : cwd
}

/**
 * Where to search for the config of a run's paths. The paths of one run are one dataset under
 * one config: paths that would each find a different config are refused rather than checked
 * under the first one's, which would apply one folder's settings to another silently.
 */
export async function configSearchFolder(cwd: string, paths: string[]): Promise<string> {
  const folders = await Promise.all(paths.map((p) => searchFolderOf(cwd, p)))
  const files = folders.map((folder) => findConfigFile(folder))
  const first = files[0]
  const other = files.findIndex((file) => file !== first)
  if (other > 0) {
    const describe = (i: number) => `${paths[i]} (${files[i] ? displayPath(files[i]!, cwd) : "no config: odcheck's defaults"})`
    throw new UsageError(`${paths[0]} and ${paths[other]} have different configs: ${describe(0)}, ${describe(other)}.`, [
      'Check them in separate runs, each under its own config, or choose one for both with --config.',
    ])
  }
  return folders[0] ?? cwd
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
