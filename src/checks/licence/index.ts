/** Licence checks: all dataset-level, reading the licences the metadata states. */
import type {AnyCheck} from '../../engine/check.js'
import {attributionMissing} from './attribution-missing.js'
import {licenceConflict} from './licence-conflict.js'
import {licenceMissing} from './licence-missing.js'
import {licenceNotOpen} from './licence-not-open.js'
import {licenceOutdated} from './licence-outdated.js'
import {licenceSoftware} from './licence-software.js'
import {licenceUnknown} from './licence-unknown.js'

export const licenceChecks: AnyCheck[] = [licenceMissing, licenceUnknown, licenceNotOpen, licenceSoftware, licenceConflict, attributionMissing, licenceOutdated]
