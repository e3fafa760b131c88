/** odcheck's own check modules in the running build (src, dist or dist-bundle): all of them, and the part that reads rows, which is all worker threads load. */
import {ownModuleUrl} from '../load/package-root.js'

export const builtInChecksUrl = ownModuleUrl('checks/index')
export const builtInTableChecksUrl = ownModuleUrl('checks/table')
