/**
 * How a CSVW dialect sets the way odcheck reads a table, in place of sniffing: delimiter,
 * quote, header rows and rows to skip, and the encoding when the metadata names one.
 * Header rows beyond the first are read as rows above the header, so checks see them in
 * the table's preamble; comment rows, skipped columns and trimming are applied by the CSVW checks.
 */
import type {CsvwDialect} from './types.js'

export interface CsvwReading {
  delimiter: string
  /** Empty when the dialect says `quoteChar: null`: the table has no quoting, every `"` is an ordinary character. */
  quoteChar: string
  /** `\` when the dialect says `doubleQuote: false`: a quote in a quoted field is written `\"`. */
  escapeChar?: string
  header: boolean
  /** Records above the (last) header row. */
  skipRows: number
  encoding?: string
}

export function csvwReading(dialect: CsvwDialect): CsvwReading {
  const reading: CsvwReading = {
    delimiter: dialect.delimiter,
    quoteChar: dialect.quoteChar ?? '',
    header: dialect.headerRowCount > 0,
    skipRows: dialect.skipRows + Math.max(0, dialect.headerRowCount - 1),
  }
  if (dialect.encodingGiven) reading.encoding = dialect.encoding
  if (!dialect.doubleQuote) reading.escapeChar = '\\'
  return reading
}
