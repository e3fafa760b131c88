/**
 * The built-in checks that read a table's rows (the hooks header, init, row, value, end): what a
 * worker thread checking chunks of a large table loads (engine/parallel.ts), without the
 * dataset-level checks of dataset.ts and the metadata, licence and RDF code they bring.
 */
import type {AnyCheck} from '../engine/check.js'
import {encodingError} from './encoding/encoding-error.js'
import {encodingNotUtf8} from './encoding/encoding-not-utf8.js'
import {lostCharacters} from './encoding/lost-characters.js'
import {blankLabel} from './structure/blank-label.js'
import {blankRow} from './structure/blank-row.js'
import {duplicateLabel} from './structure/duplicate-label.js'
import {duplicateRow} from './structure/duplicate-row.js'
import {extraCell} from './structure/extra-cell.js'
import {missingCell} from './structure/missing-cell.js'
import {mixedLineEndings} from './structure/mixed-line-endings.js'
import {noDataRows} from './structure/no-data-rows.js'
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
import {linkOpportunity} from './linking/link-opportunity.js'
import {uriColumn} from './linking/uri-column.js'
import {personalData} from './privacy/personal-data.js'
import {smallCounts} from './privacy/small-counts.js'
import {constraintError} from './schema/constraint-error.js'
import {foreignKey} from './schema/foreign-key.js'
import {byteCount, hashCount, rowCount} from './schema/integrity.js'
import {extraLabel, incorrectLabel, missingLabel} from './schema/labels.js'
import {typeError} from './schema/type-error.js'
import {primaryKey, uniqueError} from './schema/unique.js'
import {csvwDatatype, csvwLength, csvwRange, csvwRequired} from './csvw/cells.js'
import {csvwColumnTitles} from './csvw/column-titles.js'
import {csvwForeignKey} from './csvw/foreign-key.js'
import {csvwPrimaryKey} from './csvw/primary-key.js'
import {columnProfile} from './profile/index.js'

export const checks: AnyCheck[] = [
  // Reading, encoding, records and line breaks.
  sourceError,
  encodingError,
  encodingNotUtf8,
  lostCharacters,
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
  noDataRows,
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
  // Linked data.
  linkOpportunity,
  uriColumn,
  // Personal data.
  personalData,
  smallCounts,
  // Table Schema.
  missingLabel,
  extraLabel,
  incorrectLabel,
  typeError,
  constraintError,
  uniqueError,
  primaryKey,
  foreignKey,
  byteCount,
  hashCount,
  rowCount,
  // CSV on the Web.
  csvwColumnTitles,
  csvwDatatype,
  csvwLength,
  csvwRange,
  csvwRequired,
  csvwPrimaryKey,
  csvwForeignKey,
  // Column profiles for the report.
  columnProfile,
]
