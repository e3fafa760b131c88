/** Table Schema and data package checks (rules/schema.yaml), in the order their findings matter. */
import type {AnyCheck} from '../../engine/check.js'
import {constraintError} from './constraint-error.js'
import {descriptorError} from './descriptor.js'
import {foreignKey} from './foreign-key.js'
import {byteCount, hashCount, rowCount} from './integrity.js'
import {extraLabel, incorrectLabel, missingLabel} from './labels.js'
import {typeError} from './type-error.js'
import {primaryKey, uniqueError} from './unique.js'

export const schemaChecks: AnyCheck[] = [
  descriptorError,
  missingLabel,
  extraLabel,
  incorrectLabel,
  typeError,
  constraintError,
  uniqueError,
  primaryKey,
  foreignKey,
  byteCount,
  hashCount,
  rowCount,
]
