/** Where the package's own data lives, whether running from `src/` (tests), `dist/` or the bundle (`dist-bundle/`). */
import {join} from 'node:path'
import {packageRoot} from '../load/package-root.js'

export {packageRoot}
export const rulesDir = join(packageRoot, 'rules')
export const schemasDir = join(packageRoot, 'schemas')
export const docsBaseUrl = 'https://github.com/odcheck/odcheck/blob/main/docs/rules.md'
