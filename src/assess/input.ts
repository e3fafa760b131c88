/**
 * What the assessments (certificate readiness, 5-star level) read: the dataset's metadata and
 * what the checks found. Defined here, not in src/report, so assess stays upstream of the report;
 * the command layer adapts a run's report into this shape.
 */
import type {DatasetMetadata} from '../metadata/model.js'
import type {Compression} from '../load/archive-kind.js'

export interface AssessResource {
  /** As named in the report. */
  path: string
  /** csv, tsv, xlsx, json, ... */
  format: string
  /** False when odcheck could not read it as a table (source-error). */
  readable: boolean
  fieldNames: string[]
  rowCount: number
  /** Read from inside a .zip or .gz file. */
  compression?: Compression
}

export interface AssessFinding {
  rule: string
  resource: string
  rowNumber?: number
  fieldNumber?: number
  fieldName?: string
  details?: Record<string, unknown>
}

export interface AssessInput {
  /** The dataset's metadata, merged from every file that describes it. */
  metadata?: DatasetMetadata
  /** The files it was merged from, primary first, each named as reports name files. */
  metadataFiles?: DatasetMetadata[]
  /** Metadata files found but not usable (not well-formed, not the shape of their format), named as reports name files. */
  unusableMetadata?: string[]
  resources: AssessResource[]
  findings: AssessFinding[]
  /** Rules that ran, with their tags (e.g. `#privacy`) and exact finding counts. */
  rules: Array<{id: string; tags: string[]; count: number}>
}
