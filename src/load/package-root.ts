/**
 * Where odcheck's own files are, whichever build this code runs from: src/ (tests), dist/ (tsc's
 * output) or dist-bundle/ (the bundled CLI, scripts/bundle.mjs). Paths are found from the package
 * folder, never by counting `..` from a module: in the bundle a module's code sits in whichever
 * chunk the bundler chose, at another depth.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, extname, join, relative, sep} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const here = fileURLToPath(import.meta.url)

function findPackageRoot(): string {
  let dir = dirname(here)
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as {name?: string}).name === 'odcheck') return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`cannot find the odcheck package folder (package.json) above ${here}`)
    dir = parent
  }
}

/** The folder of odcheck's package.json. */
export const packageRoot = findPackageRoot()

/** The top folder of the build this code runs from: src, dist or dist-bundle. */
export const buildDir = join(packageRoot, relative(packageRoot, here).split(sep)[0])

/** The URL of one of odcheck's own modules in the running build, by its path without extension (`checks/index`). */
export function ownModuleUrl(name: string): string {
  return pathToFileURL(join(buildDir, `${name}${extname(here)}`)).href
}
