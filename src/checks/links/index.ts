/** Link checks (rules/links.yaml): dataset-level, run only with --online, on the answers the engine gathered for the metadata's links. */
import type {AnyCheck} from '../../engine/check.js'
import {linkBroken} from './link-broken.js'
import {linkContentMismatch} from './link-content-mismatch.js'
import {linkRedirectLoop} from './link-redirect-loop.js'

export const linkChecks: AnyCheck[] = [linkBroken, linkRedirectLoop, linkContentMismatch]
