/**
 * A cell without surrounding white space, exactly as `String.prototype.trim` gives it, but
 * without a call or a copy for the usual cell, which starts and ends with a printable ASCII
 * character (white space beyond ASCII, such as a non-breaking space, goes through trim()).
 */
export function trimmed(cell: string): string {
  const first = cell.charCodeAt(0)
  const last = cell.charCodeAt(cell.length - 1)
  return first > 32 && first < 127 && last > 32 && last < 127 ? cell : cell.trim()
}
