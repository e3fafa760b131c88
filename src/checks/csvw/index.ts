/** The checks of the CSV on the Web rule set (rules/csvw.yaml). */
import type {AnyCheck} from '../../engine/check.js'
import {csvwDatatype, csvwLength, csvwRange, csvwRequired} from './cells.js'
import {csvwColumnTitles} from './column-titles.js'
import {csvwForeignKey} from './foreign-key.js'
import {csvwMetadataProblems} from './metadata-problems.js'
import {csvwPrimaryKey} from './primary-key.js'

export const csvwChecks: AnyCheck[] = [csvwMetadataProblems, csvwColumnTitles, csvwDatatype, csvwLength, csvwRange, csvwRequired, csvwPrimaryKey, csvwForeignKey]
