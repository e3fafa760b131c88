/** The checks of the metadata rule set (rules/metadata.yaml): all dataset-level. */
import type {AnyCheck} from '../../engine/check.js'
import {metadataInvalid} from './invalid.js'
import {metadataMismatch} from './mismatch.js'
import {metadataMissing} from './missing.js'
import {metadataNotFound} from './not-found.js'
import {metadataUnreadable} from './unreadable.js'

export const metadataChecks: AnyCheck[] = [metadataNotFound, metadataUnreadable, metadataMissing, metadataInvalid, metadataMismatch]
