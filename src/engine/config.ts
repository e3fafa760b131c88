/**
 * Finds and resolves odcheck's configuration to plain data.
 * (Minimal for now: built-in rule sets with their default severities.)
 */
import {builtInRuleSets} from './rule-sets.js'
import type {ResolvedConfig} from './config-types.js'

export interface LoadConfigOptions {
  cwd: string
  /** Folder to search upwards from for a config file. */
  searchFrom: string
  /** `--config FILE`. */
  configFile?: string
  /** URL of the built-in check module. */
  builtInChecks: string
}

export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const catalog = [...builtInRuleSets().values()].flat()
  return {catalog, rules: {}, overrides: [], ignore: [], checkModules: [options.builtInChecks], baseDir: options.searchFrom, files: []}
}
