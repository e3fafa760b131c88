import type {JsonReport} from '../types.js'

export interface FormatContext {
  /** Colour output (stylish only). */
  color: boolean
  /** Working directory, for formats that need paths relative to it. */
  cwd: string
}

/** A formatter is a pure function of the report. */
export type Formatter = (report: JsonReport, context: FormatContext) => string
