/** Values that stand for something other than data: spreadsheet errors and missing-value placeholders. */

/**
 * Excel error values that end up in a CSV when a formula failed: the seven classic ones (which
 * LibreOffice shares), then those of dynamic arrays, data types, linked data and Python in Excel,
 * as listed by Microsoft's Excel.ErrorCellValueType (Office JavaScript API, ExcelApi 1.16+;
 * https://learn.microsoft.com/javascript/api/excel/excel.errorcellvaluetype).
 */
export const SPREADSHEET_ERRORS = [
  '#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!',
  '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#GETTING_DATA', '#EXTERNAL!', '#TIMEOUT!', '#PYTHON!',
]

/** Fewest `#`s in a cell that is Excel's display of a number too wide for its column ("########"), saved as displayed. */
export const MIN_DISPLAY_HASHES = 3

/** Whether a (trimmed) value is nothing but MIN_DISPLAY_HASHES or more `#` characters. */
export function isDisplayHashes(value: string): boolean {
  if (value.length < MIN_DISPLAY_HASHES) return false
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== 35) return false
  return true
}

/**
 * Common stand-ins for a missing value, compared case-insensitively. Includes the GSS
 * shorthand for statistics ([x] not available, [z] not applicable, [c] confidential, ...).
 * Redaction markers such as "Redacted Personal Data" are deliberate and are not listed.
 */
export const DEFAULT_PLACEHOLDERS = [
  'N/A', 'NA', 'N.A.', 'N/K', 'NK', 'N/D', 'Not known', 'Not applicable', 'Not available', 'Unknown',
  'NULL', 'nil', 'none', 'NaN', 'missing', 'TBC', 'TBA', 'TBD',
  '-', '--', '–', '—', '?', '??', '.', '..', '...', '#',
  '[x]', '[z]', '[c]', '[u]', '[w]', '[low]',
]

export function normaliseMarker(value: string): string {
  return value.trim().toLowerCase()
}

export function markerSet(values: string[]): Set<string> {
  return new Set(values.map(normaliseMarker))
}

/** Longest key length the length mask holds; longer keys are looked up whatever the value's length. */
const MASKED_LENGTHS = 30

/**
 * A test for values (given trimmed) that are one of these markers, ignoring case: the marker's
 * key (lower case) or undefined. Runs on every distinct cell, so most values are ruled out by
 * their length and first character before any lower-casing or set lookup (each of which would
 * allocate or hash a fresh string).
 */
export function markerMatcher(values: string[]): (value: string) => string | undefined {
  const keys = markerSet(values)
  let lengths = 0
  let longKeys = false
  const firsts = new Uint8Array(128)
  for (const key of keys) {
    // Lower-casing keeps a string's length, but for İ, whose lower case is i and a combining dot.
    const dotted = key.split('i\u0307').length - 1
    for (let n = key.length - dotted; n <= key.length; n++) {
      if (n <= MASKED_LENGTHS) lengths |= 1 << n
      else longKeys = true
    }
    const c = key.charCodeAt(0)
    if (c < 128) firsts[c] = 1
    if (c >= 97 && c <= 122) firsts[c - 32] = 1
  }
  return (value) => {
    const n = value.length
    if (n <= MASKED_LENGTHS ? (lengths & (1 << n)) === 0 : !longKeys) return undefined
    // A first character outside ASCII (K, the Kelvin sign, lower-cases to k) is always looked up.
    const c = value.charCodeAt(0)
    if (c < 128 && firsts[c] === 0) return undefined
    const key = value.toLowerCase()
    return keys.has(key) ? key : undefined
  }
}

/**
 * The outline of a short value: letters become A/a, digits 9. Lets a check see that "NA"
 * in a column of two-letter country codes (GB, FR, NA) is Namibia, not a placeholder.
 */
export function valueShape(value: string): string {
  let out = ''
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 65 && c <= 90) out += 'A'
    else if (c >= 97 && c <= 122) out += 'a'
    else if (c >= 48 && c <= 57) out += '9'
    else out += value[i]
  }
  return out
}
