/** Checks about linking data to other data: the evidence for the fourth and fifth stars. */
import type {AnyCheck} from '../../engine/check.js'
import {linkOpportunity} from './link-opportunity.js'
import {uriColumn} from './uri-column.js'

export const linkingChecks: AnyCheck[] = [linkOpportunity, uriColumn]
