/** Finds title rows and the header among the first records of a table that has no dialect to sniff (a spreadsheet sheet). */
import {countPreambleRows, looksLikeHeader, type SampleRecord} from './dialect.js'

export interface HeaderGuess {
  skipRows: number
  header: boolean
}

export function guessHeader(records: SampleRecord[], header?: boolean): HeaderGuess {
  const skipRows = header === false ? 0 : countPreambleRows(records)
  const first = records[skipRows]?.cells ?? []
  const rest = records
    .slice(skipRows + 1, skipRows + 21)
    .map((r) => r.cells)
    .filter((cells) => cells.some((c) => c.trim() !== ''))
  return {skipRows, header: header ?? looksLikeHeader(first, rest)}
}
