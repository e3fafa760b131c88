/** A dataset title suggested from a file or folder name, for the user to improve. */
import {basename, extname} from 'node:path'

/** `spend-2025-09.csv` → `Spend 2025 09`; `ward_population` → `Ward population`. */
export function titleFromName(path: string): string {
  const name = basename(path, extname(path)).replace(/[-_.\s]+/g, ' ').trim()
  return name ? name[0].toUpperCase() + name.slice(1) : 'Untitled dataset'
}
