/** Where the package's own data lives, whether running from `src/` (tests) or `dist/`. */
import {fileURLToPath} from 'node:url'
import {dirname, join} from 'node:path'

export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const rulesDir = join(packageRoot, 'rules')
export const schemasDir = join(packageRoot, 'schemas')
export const docsBaseUrl = 'https://github.com/odcheck/odcheck/blob/main/docs/rules.md'
