/** A record whose cells are all empty or white space: blank-row reports it, and the other checks and the dialect sniffer leave it out. */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (isFilled(cell)) return false
  return true
}

function isFilled(cell: string): boolean {
  return cell !== '' && cell.trim() !== ''
}

/** How many of a record's cells hold more than white space. */
export function filledCells(cells: readonly string[]): number {
  let n = 0
  for (const cell of cells) if (isFilled(cell)) n++
  return n
}
