/**
 * column-profile: what each column holds (type, missing values, distinct values, range,
 * histogram), for the HTML report and anyone reading the JSON report. It reports no findings:
 * it publishes the table's profile as a fact (`resources[].profile` in the report).
 */
import {defineCheck} from '../../engine/check.js'
import {DEFAULT_PLACEHOLDERS, SPREADSHEET_ERRORS, markerMatcher} from '../values/markers.js'
import {mergeStates, newState, profileRow, type ProfileState} from './column-state.js'
import {tableProfile} from './summary.js'

export type {ColumnProfile, HistogramBin, ProfileType, TableProfile} from './types.js'

interface Options {
  missingValues: string[]
}

export const columnProfile = defineCheck<Options, ProfileState>({
  name: 'column-profile',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      missingValues: {
        type: 'array',
        items: {type: 'string'},
        default: [...DEFAULT_PLACEHOLDERS, ...SPREADSHEET_ERRORS],
        description: 'Values counted as missing rather than as data (compared case-insensitively).',
      },
    },
  },
  messages: {default: 'Column profile'},
  create: (options) => {
    const isMarker = markerMatcher(options.missingValues)
    return {
      init: (head) => newState(head.labels.length),
      row: (state, row) => profileRow(state, row.cells, isMarker),
      merge: (left, right) => mergeStates(left, right),
      facts: (state, head) => ({profile: tableProfile(state, head.labels)}),
    }
  },
})
