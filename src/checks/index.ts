/**
 * The built-in check implementations. Rule sets in rules/ refer to them by name. They come in two
 * lists: the checks that read tables' rows (table.ts, which is all that worker threads load) and
 * those that judge the dataset as a whole or a JSON document (dataset.ts).
 */
import type {AnyCheck} from '../engine/check.js'
import {checks as datasetChecks} from './dataset.js'
import {checks as tableChecks} from './table.js'

export const checks: AnyCheck[] = [...tableChecks, ...datasetChecks]
