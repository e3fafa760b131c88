/** Finds the config file that applies to a dataset: the first one from its folder upwards. */
import {existsSync, statSync} from 'node:fs'
import {dirname, join} from 'node:path'

/** In order of preference when a folder holds more than one. */
export const CONFIG_FILE_NAMES = ['.odcheck.yaml', '.odcheck.yml', 'odcheck.config.yaml', '.odcheck.json']

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/**
 * Looks in `from` and each folder above it, stopping after the first folder that holds
 * `.git` (the project's root: a config above it belongs to something else) or at the
 * filesystem root. Like ESLint's flat config, the first file found is the only one used.
 */
export function findConfigFile(from: string): string | undefined {
  let folder = from
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(folder, name)
      if (isFile(candidate)) return candidate
    }
    if (existsSync(join(folder, '.git'))) return undefined
    const parent = dirname(folder)
    if (parent === folder) return undefined
    folder = parent
  }
}
