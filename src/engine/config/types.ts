/** Config files as written (before resolution). */
import type {Severity} from '../types.js'

export type RawRuleSetting = Severity | [Severity] | [Severity, Record<string, unknown>]

export interface RawOverride {
  files: string | string[]
  rules: Record<string, RawRuleSetting>
}

/** The shape schemas/config.schema.json accepts. */
export interface ConfigFileData {
  $schema?: string
  extends?: string | string[]
  rules?: Record<string, RawRuleSetting>
  overrides?: RawOverride[]
  ignore?: string[]
  plugins?: string[]
  maxFindingsPerRule?: number
  online?: boolean
  network?: NetworkConfig
}

/** The `network` key: how odcheck uses the network when online (schemas/config.schema.json). */
export interface NetworkConfig {
  /** Seconds. */
  timeout?: number
  retries?: number
  concurrency?: number
  /** Bytes, or a size such as "500MB". */
  maxDownload?: number | string
  cache?: boolean
  /** Relative to the config's folder as written; absolute once resolved. */
  cacheDir?: string
  /** Seconds. */
  cacheMaxAge?: number
}

/** A config file that has been read and validated, with a way to point at a key's line. */
export interface ConfigSource {
  /** Absolute path (for a package exporting an object: the module's path). */
  file: string
  /** How messages name it. */
  label: string
  data: ConfigFileData
  /** 1-based line of a key, when the file is text we parsed. */
  lineOf(path: Array<string | number>): number | undefined
}
