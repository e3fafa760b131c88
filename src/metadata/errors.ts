/** Why a metadata document could not be turned into the model, with where and what to do. */
import type {DatasetMetadata, MetadataFormat} from './model.js'

export type MetadataProblemReason =
  /** Not well-formed JSON, YAML, Turtle or XML. */
  | 'syntax'
  /** Well-formed, but not the shape its format requires (e.g. a data package without resources). */
  | 'shape'
  /** A format odcheck does not read, or a document that is not dataset metadata. */
  | 'unrecognised'
  /** JSON-LD that needs a context from the web, while odcheck works offline. */
  | 'remote-context'
  /** The file could not be read from disk. */
  | 'io'

export class MetadataError extends Error {
  constructor(
    message: string,
    readonly reason: MetadataProblemReason,
    readonly hint: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
    this.name = 'MetadataError'
  }
}

/** A metadata file odcheck found but could not use; becomes a `metadata-unreadable` finding. */
export interface MetadataProblem {
  /** Absolute path of the file. */
  path: string
  format?: MetadataFormat
  reason: MetadataProblemReason
  /** What is wrong, in plain words. */
  message: string
  /** What to do about it. */
  hint: string
  line?: number
  column?: number
  /**
   * What a JSON file says once its trailing commas are deleted, when they are all that is wrong
   * with it. Only for telling the user what else needs fixing: it is never evidence, since
   * other tools reject the file as it stands.
   */
  readPastTrailingCommas?: DatasetMetadata[]
}

export function problemFrom(error: unknown, path: string, format?: MetadataFormat): MetadataProblem {
  if (error instanceof MetadataError) {
    const problem: MetadataProblem = {path, reason: error.reason, message: error.message, hint: error.hint}
    if (format) problem.format = format
    if (error.line !== undefined) problem.line = error.line
    if (error.column !== undefined) problem.column = error.column
    return problem
  }
  const message = error instanceof Error ? error.message : String(error)
  return {path, ...(format ? {format} : {}), reason: 'syntax', message, hint: 'Check the file is complete and well-formed.'}
}
