/** Values that stand for something other than data: spreadsheet errors and missing-value placeholders. */

/** Excel / LibreOffice error values that end up in a CSV when a formula failed. */
export const SPREADSHEET_ERRORS = ['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NULL!', '#NUM!']

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
