/** The built-in check implementations, by domain. Rule sets in rules/ refer to them by name. */
import type {AnyCheck} from '../engine/check.js'
import {blankLabel} from './structure/blank-label.js'
import {blankRow} from './structure/blank-row.js'
import {duplicateLabel} from './structure/duplicate-label.js'
import {extraCell} from './structure/extra-cell.js'
import {missingCell} from './structure/missing-cell.js'
import {sourceError} from './structure/source-error.js'

export const checks: AnyCheck[] = [sourceError, blankLabel, duplicateLabel, blankRow, extraCell, missingCell]
