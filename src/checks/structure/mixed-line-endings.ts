import {defineCheck} from '../../engine/check.js'
import type {LineEndingCounts, RecordPlace, TableStats} from '../../table/types.js'
import {kindsPresent} from '../shared/line-breaks.js'
import {cellBreakHooks, recordTerminators, type CellBreaksState} from './cell-line-breaks.js'

type Kind = keyof LineEndingCounts

/** The kind that ends most records; on a tie, the one that ends a record first (the file's own convention). */
function mostCommon(records: LineEndingCounts, kinds: Kind[], first: TableStats['firstRecordEndings']): Kind {
  const at = (k: Kind) => first?.[k]?.rowNumber ?? Number.MAX_SAFE_INTEGER
  return kinds.reduce((best, k) => (records[k] > records[best] || (records[k] === records[best] && at(k) < at(best)) ? k : best))
}

/** The first record that ends with a kind other than `common`, and that kind. */
function firstDiffering(common: Kind, kinds: Kind[], first: TableStats['firstRecordEndings']): {kind: Kind; place: RecordPlace} | undefined {
  let found: {kind: Kind; place: RecordPlace} | undefined
  for (const kind of kinds) {
    const place = first?.[kind]
    if (kind !== common && place && (!found || place.rowNumber < found.place.rowNumber)) found = {kind, place}
  }
  return found
}

/**
 * More than one kind of line break between records. Line breaks inside quoted values are not
 * counted, whatever their kind: Excel writes Alt+Enter as LF inside CRLF rows, which CSV
 * readers handle, and a reader that splits the file into lines splits such values whatever
 * their kind, so their kind tells nothing.
 */
export const mixedLineEndings = defineCheck({
  name: 'mixed-line-endings',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'Rows end with different line breaks: {{crlf|#}} CRLF (Windows), {{lf|#}} LF (Unix), {{cr|#}} CR (old Mac); {{differing|row}} not ending with {{mostCommon}} as most do, the first being row {{rowNumber}} ({{ending}})',
  },
  create: () => ({
    ...cellBreakHooks,
    end(state: CellBreaksState, head, stats, report) {
      const {records, inCells} = recordTerminators(state, head, stats)
      const kinds = kindsPresent(records)
      if (kinds.length < 2) return
      const common = mostCommon(records, kinds, stats.firstRecordEndings)
      const differing = records.crlf + records.lf + records.cr - records[common]
      const first = firstDiffering(common, kinds, stats.firstRecordEndings)
      report({
        rowNumber: first?.place.rowNumber,
        line: first?.place.line,
        details: {...records, kinds, inCells, mostCommon: common.toUpperCase(), ending: first?.kind.toUpperCase(), differing},
      })
    },
  }),
})
