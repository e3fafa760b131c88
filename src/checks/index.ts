/** The built-in check implementations, by domain. Rule sets in rules/ refer to them by name. */
import type {AnyCheck} from '../engine/check.js'
import {encodingError} from './encoding/encoding-error.js'
import {encodingNotUtf8} from './encoding/encoding-not-utf8.js'
import {blankLabel} from './structure/blank-label.js'
import {blankRow} from './structure/blank-row.js'
import {duplicateLabel} from './structure/duplicate-label.js'
import {duplicateRow} from './structure/duplicate-row.js'
import {extraCell} from './structure/extra-cell.js'
import {missingCell} from './structure/missing-cell.js'
import {mixedLineEndings} from './structure/mixed-line-endings.js'
import {nonrfcLineBreaks} from './structure/nonrfc-line-breaks.js'
import {singleColumn} from './structure/single-column.js'
import {sourceError} from './structure/source-error.js'
import {strayQuote} from './structure/stray-quote.js'
import {titleRow} from './structure/title-row.js'
import {totalsRow} from './structure/totals-row.js'
import {unclosedQuote} from './structure/unclosed-quote.js'
import {cellWhitespace} from './values/cell-whitespace.js'
import {inconsistentValues} from './values/inconsistent-values.js'
import {placeholderValue} from './values/placeholder-value.js'
import {spreadsheetErrorValue} from './values/spreadsheet-error-value.js'
import {proprietaryFormat} from './openness/proprietary-format.js'
import {linkingChecks} from './linking/index.js'
import {licenceChecks} from './licence/index.js'
import {linkChecks} from './links/index.js'
import {metadataChecks} from './metadata/index.js'
import {privacyChecks} from './privacy/index.js'
import {schemaChecks} from './schema/index.js'
import {jsonChecks} from './json/index.js'
import {csvwChecks} from './csvw/index.js'
import {columnProfile} from './profile/index.js'

export const checks: AnyCheck[] = [
  // Can the file be read at all, and in which encoding?
  sourceError,
  encodingError,
  encodingNotUtf8,
  // Records and line breaks.
  unclosedQuote,
  strayQuote,
  mixedLineEndings,
  nonrfcLineBreaks,
  // Shape of the table.
  titleRow,
  singleColumn,
  blankLabel,
  duplicateLabel,
  blankRow,
  extraCell,
  missingCell,
  totalsRow,
  duplicateRow,
  // Values in cells.
  cellWhitespace,
  spreadsheetErrorValue,
  placeholderValue,
  inconsistentValues,
  // Formats.
  proprietaryFormat,
  // Linked data (stars 4 and 5).
  ...linkingChecks,
  // Personal data and disclosure risk.
  ...privacyChecks,
  // Table Schema and data packages: declared types, constraints, keys and integrity.
  ...schemaChecks,
  // JSON and GeoJSON data: JSON Schema and RFC 7946 (each takes the parsed document).
  ...jsonChecks,
  // CSV on the Web: the table group's metadata, and each table against its columns, datatypes and keys.
  ...csvwChecks,
  // Licences (dataset level, from the metadata).
  ...licenceChecks,
  // Metadata: found, readable, complete, well-formed and in agreement with the data (dataset level).
  ...metadataChecks,
  // Links in the metadata, asked for with --online (dataset level).
  ...linkChecks,
  // Facts for the report (column profiles), not findings.
  columnProfile,
]
