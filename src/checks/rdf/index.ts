/** RDF data checks (rules/rdf.yaml): each reads the statements through the engine's `triple` and `graphEnd` hooks. */
import type {AnyCheck} from '../../engine/check.js'
import {rdfEmptyGraph} from './empty-graph.js'
import {rdfLocalUri} from './local-uri.js'
import {rdfRemoteContext} from './remote-context.js'
import {rdfSyntaxError} from './syntax-error.js'
import {rdfUriProfile} from './uri-profile.js'

export const rdfChecks: AnyCheck[] = [rdfSyntaxError, rdfLocalUri, rdfEmptyGraph, rdfRemoteContext, rdfUriProfile]
