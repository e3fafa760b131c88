/** A configuration resolved to plain data, ready for the run. */
import type {NetworkConfig} from './config/types.js'
import type {RuleSetting} from './select.js'
import type {RuleDefinition} from './types.js'

export interface ConfigOverride {
  files: string[]
  rules: Record<string, RuleSetting>
}

export interface ResolvedConfig {
  /** Every rule known to this run: built-in sets, extended sets and plugins' sets. */
  catalog: RuleDefinition[]
  rules: Record<string, RuleSetting>
  overrides: ConfigOverride[]
  ignore: string[]
  /** URLs of modules exporting `checks`, built-in first. */
  checkModules: string[]
  /** Folder the config's globs are relative to. */
  baseDir: string
  /** Config files that were read, each after those it extends (so the one found or given is last). */
  files: string[]
  /** The config file found by search or given with --config; absent when none applies. */
  configFile?: string
  /** Engine settings a config may set. */
  maxFindingsPerRule?: number
  /** `online: true`: as --online. */
  online?: boolean
  /** How to use the network when online; `cacheDir` is absolute. */
  network?: NetworkConfig
}
