/** Resolves what `extends` and `plugins` name: local paths and npm packages, from the config's folder. */
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, isAbsolute, join, resolve} from 'node:path'
import {UsageError} from '../errors.js'

export function isLocalSpecifier(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || isAbsolute(spec)
}

function packageName(spec: string): string {
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

type Exports = string | {[condition: string]: Exports} | null | undefined

function pickExport(exports: Exports): string | undefined {
  if (typeof exports === 'string') return exports
  if (!exports || typeof exports !== 'object') return undefined
  if ('.' in exports) return pickExport(exports['.'])
  for (const condition of ['import', 'node', 'default', 'require']) {
    const found = pickExport(exports[condition])
    if (found) return found
  }
  return undefined
}

/** ESM-only packages (exports with only an `import` condition) defeat require.resolve: read package.json instead. */
function resolveEsmPackage(spec: string, fromDir: string): string | undefined {
  if (packageName(spec) !== spec) return undefined
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', spec, 'package.json')
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {exports?: Exports; main?: string}
      const entry = pickExport(pkg.exports) ?? pkg.main ?? 'index.js'
      return resolve(dirname(manifest), entry)
    }
    if (dirname(dir) === dir) return undefined
  }
}

/**
 * Absolute path of the file `spec` names, looked up from the file `fromFile`.
 * @param what for messages: `extends entry`, `plugin`
 */
export function resolveSpecifier(spec: string, fromFile: string, label: string, what: string): string {
  const fromDir = dirname(fromFile)
  if (isLocalSpecifier(spec)) {
    const path = resolve(fromDir, spec)
    if (!existsSync(path)) throw new UsageError(`${label}: ${what} "${spec}" does not exist (looked for ${path}).`, ['Local paths are relative to the config file that names them.'])
    return path
  }
  try {
    return createRequire(fromFile).resolve(spec)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const esm = code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' ? resolveEsmPackage(spec, fromDir) : undefined
    if (esm && existsSync(esm)) return esm
    throw new UsageError(`${label}: ${what} "${spec}" cannot be found: it is neither a local path nor an npm package installed for ${fromDir}.`, [
      `If it is a package, install it where the config is: npm install --save-dev ${packageName(spec)}`,
      'If it is a file, start the path with ./ or ../',
    ])
  }
}
