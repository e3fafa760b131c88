/**
 * The built-in checks that do not read a table's rows: they judge the dataset as a whole (its
 * metadata, licences, links), a parsed JSON document or an RDF file's statements, on the main thread.
 */
import type {AnyCheck} from '../engine/check.js'
import {csvwMetadataProblems} from './csvw/metadata-problems.js'
import {jsonChecks} from './json/index.js'
import {licenceChecks} from './licence/index.js'
import {linkChecks} from './links/index.js'
import {metadataChecks} from './metadata/index.js'
import {personalDataUndeclared} from './privacy/personal-data-undeclared.js'
import {rdfChecks} from './rdf/index.js'
import {descriptorError} from './schema/descriptor.js'

export const checks: AnyCheck[] = [
  // Data package descriptors and CSVW metadata documents.
  descriptorError,
  csvwMetadataProblems,
  // Personal data the metadata does not declare.
  personalDataUndeclared,
  // JSON and GeoJSON data: JSON Schema and RFC 7946 (each takes the parsed document).
  ...jsonChecks,
  // RDF data: does it parse, and can others follow its IRIs (each takes the statements as they are read).
  ...rdfChecks,
  // Licences, from the metadata.
  ...licenceChecks,
  // Metadata: found, readable, complete, well-formed and in agreement with the data.
  ...metadataChecks,
  // Links in the metadata, asked for with --online.
  ...linkChecks,
]
