/** What every adapter takes and gives. */
import type {DatasetMetadata} from '../model.js'

export interface AdapterContext {
  /**
   * Reads a JSON document the metadata refers to by a relative path (a Frictionless Table
   * Schema given as a file name). Undefined when it cannot or may not be read.
   */
  readRelatedJson?(ref: string): unknown
}

/** Parsed content in, one model per dataset described out; throws MetadataError on bad input. */
export type Adapter = (text: string, path: string, context: AdapterContext) => DatasetMetadata[] | Promise<DatasetMetadata[]>
