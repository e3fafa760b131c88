/** Privacy checks: personal data in cells, undeclared personal data, small counts in aggregate tables. */
import type {AnyCheck} from '../../engine/check.js'
import {personalData} from './personal-data.js'
import {personalDataUndeclared} from './personal-data-undeclared.js'
import {smallCounts} from './small-counts.js'

export const privacyChecks: AnyCheck[] = [personalData, personalDataUndeclared, smallCounts]
