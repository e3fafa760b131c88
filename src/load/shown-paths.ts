/**
 * Folders whose files are named, wherever a path is shown, as if they were still in the archive
 * they were decompressed from: a data package published as a zip is unpacked whole and checked
 * as a folder (src/load/archive.ts), while reports name its files through the zip
 * (`ward-population.zip/wards.csv`). Entries are kept for the process: reports are built after
 * the run that removed the folder.
 */
import {isAbsolute, relative, sep} from 'node:path'

const shown = new Map<string, string>()

/** Shows the files under `folder` (absolute) as under `as` (the archive's absolute path). */
export function showFolderAs(folder: string, as: string): void {
  shown.set(folder, as)
}

/** The path a user knows for `path`: through the archive for a file of an unpacked one, else `path`. */
export function shownPath(path: string): string {
  if (shown.size === 0) return path
  for (const [folder, as] of shown) {
    if (path === folder) return as
    if (path.startsWith(folder + sep)) return as + '/' + path.slice(folder.length + 1).split(sep).join('/')
  }
  return path
}

/** How reports name a file: a web address as it is, else its shown path relative to the working directory (absolute outside it), with forward slashes. */
export function nameForReports(path: string, cwd: string): string {
  if (/^https?:\/\//i.test(path)) return path
  const shown = shownPath(path)
  const rel = relative(cwd, shown)
  const name = rel.startsWith('..') || isAbsolute(rel) ? shown : rel
  return name.split(sep).join('/')
}
