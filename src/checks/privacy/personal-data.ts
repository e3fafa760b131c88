/**
 * personal-data: scans every cell, in the one streaming pass, for personal data a publisher
 * must look at before release: email addresses, UK phone numbers, National Insurance and NHS
 * numbers, full postcodes, dates of birth, people's names, IP addresses, payment cards and bank
 * accounts. One finding per column and kind; examples are masked, never raw.
 */
import {basename} from 'node:path'
import {defineCheck, type TableCheckHooks} from '../../engine/check.js'
import {fieldPointer, recordRows} from '../../table/json.js'
import {assessScan, type PersonalDataOptions} from './assess.js'
import {CONFIDENCES, PERSONAL_KINDS} from './kinds.js'
import {isNullToken, isRedactionMarker, matchCell, planColumn} from './match-cell.js'
import {rowFeeder} from '../../engine/chunk.js'
import {emptyColumn, mergeScanStates, recordMatch, type ScanState} from './scan-state.js'
import {trimmed} from '../shared/trimmed.js'

const share = {type: 'number', minimum: 0, maximum: 1}
const threshold = {
  type: 'object',
  additionalProperties: false,
  properties: {minShare: share, hintedMinShare: share, minMatches: {type: 'integer', minimum: 1}},
}

export const personalData = defineCheck<PersonalDataOptions, ScanState>({
  name: 'personal-data',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minShare: {...share, default: 0.5, description: "Share of a column's scanned cells that must match when its name gives no hint."},
      hintedMinShare: {...share, default: 0.2, description: "Share of a column's scanned cells that must match when its name points at the kind."},
      minMatches: {type: 'integer', minimum: 1, default: 1, description: 'Matching cells a column needs at least.'},
      minConfidence: {enum: [...CONFIDENCES], default: 'medium', description: 'Findings below this confidence are not reported.'},
      kinds: {type: 'array', items: {enum: [...PERSONAL_KINDS]}, uniqueItems: true, default: [...PERSONAL_KINDS]},
      thresholds: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(PERSONAL_KINDS.map((k) => [k, threshold])),
        default: {},
        description: 'Per-kind minShare, hintedMinShare and minMatches, overriding the general ones.',
      },
      maxExamples: {type: 'integer', minimum: 0, maximum: 10, default: 3},
    },
  },
  messages: {
    default:
      'Column "{{fieldName}}" holds personal data ({{kind}}, {{confidence}} confidence): {{matches|#}} of {{cells|cell}}, e.g. {{examples}}. Remove, redact or aggregate it before release. If publishing it is lawful and intended, record that: set "personalData: individual" in odcheck.yaml, and make this rule a warning for the file in .odcheck.yaml ("overrides: [{files: [\'{{file}}\'], rules: {personal-data: warning}}]").',
  },
  create(options) {
    const unnamed = planColumn(undefined, options.kinds)
    const hooks: TableCheckHooks<ScanState> = {
      init: (head): ScanState => ({plans: head.labels.map((label) => planColumn(label, options.kinds)), columns: head.labels.map(() => emptyColumn()), keep: options.maxExamples}),
      // Equal cells of a column come together: a body name repeated down the column is judged once.
      value(state, run) {
        const value = trimmed(run.value)
        if (value === '' || isNullToken(value)) return
        while (state.columns.length <= run.column) state.columns.push(emptyColumn())
        const column = state.columns[run.column]
        if (isRedactionMarker(value)) {
          column.redacted += run.count
          return
        }
        column.cells += run.count
        const match = matchCell(value, state.plans[run.column] ?? unnamed)
        if (match) recordMatch(column, match, run.rowNumber, state.keep, run.count)
      },
      merge: (left, right) => mergeScanStates(left, right),
      end(state, head, _stats, report) {
        if (!state) return
        // The file's name, as an override's `files` pattern matches it: the message says how to accept the column.
        const file = basename(head.path)
        for (const finding of assessScan(state, options)) report({...finding, details: {...finding.details, file}})
      },
      // JSON and GeoJSON: the same scan over the records' properties; a finding points at its property.
      document(doc, head, report) {
        const state = hooks.init!(head, doc.rowCount)
        const feed = rowFeeder([hooks as TableCheckHooks<unknown>], [state], [report])
        for (const row of recordRows(doc, head.labels)) feed.onRow(row)
        feed.end()
        hooks.end!(state, head, {rowCount: doc.rowCount, lineEndings: {crlf: 0, lf: 0, cr: 0}, problems: [], bytes: 0}, (finding) => {
          const field = finding.fieldNumber === undefined ? undefined : head.labels[finding.fieldNumber - 1]
          const pointer = field !== undefined && finding.rowNumber !== undefined ? fieldPointer(doc, finding.rowNumber, field) : undefined
          report(pointer === undefined ? finding : {...finding, details: {...finding.details, pointer}})
        })
      },
    }
    return hooks
  },
})
