/** How schema findings show a cell: shortened, and masked when it looks like personal data. */
import {maskIfPersonal} from '../privacy/mask.js'

const MAX_SHOWN = 100

export function shownCell(cell: string): string {
  const short = cell.length > MAX_SHOWN ? `${cell.slice(0, MAX_SHOWN)}…` : cell
  return maskIfPersonal(short)
}
