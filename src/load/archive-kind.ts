/**
 * Which archives odcheck reads, by name, and how it names the files inside them: a member of a
 * zip or tar archive is named through it (`spend.zip/spend.csv`, `spend.tar.gz/spend.csv`); a
 * gzipped file keeps its own name (`spend.csv.gz`), being one file. src/load/archive.ts reads them.
 */
import {readdirSync, statSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'

/** How a file was stored: Frictionless' `compression` values for a .zip and a .gz; `tar` for a tar archive, gzipped or not. */
export type Compression = 'zip' | 'gz' | 'tar'

/** The archive format odcheck reads a file as, by its name. */
export function compressionOf(path: string): Compression | undefined {
  const name = basename(path).toLowerCase()
  if (name.endsWith('.zip')) return 'zip'
  if (/\.(tar|tgz|tar\.gz)$/.test(name)) return 'tar'
  if (name.endsWith('.gz')) return 'gz'
  return undefined
}

/** A name whose file holds other files (a zip or tar archive), which are named through it. */
export const HOLDS_FILES = /\.(zip|tar|tgz|tar\.gz)$/i

/**
 * The zip or tar archive a path runs through, when it names a file inside one as reports do
 * (`/data/spend.zip/spend.csv` → `/data/spend.zip`, when that is a file); undefined otherwise.
 */
export function archiveOf(path: string): string | undefined {
  const match = /^(.*?\.(?:zip|tar|tgz|tar\.gz))[\\/]./i.exec(path)
  if (!match) return undefined
  try {
    return statSync(match[1]).isFile() ? match[1] : undefined
  } catch {
    return undefined
  }
}

/** A resource name through an archive (`spend.zip/lookups/wards.csv`): the archive and the member. */
export function splitArchiveName(name: string): {archive: string; member: string} | undefined {
  const match = /^(.*?\.(?:zip|tar|tgz|tar\.gz))\/(.+)$/is.exec(name)
  return match ? {archive: match[1], member: match[2]} : undefined
}

/** What an archive holding one file is named: `spend.zip`, `spend.tar.gz`, ..., or with the file's extension kept (`spend.csv.zip`). */
const ARCHIVE_SUFFIXES = ['.zip', '.tar.gz', '.tgz', '.tar']

/**
 * An archive beside a missing file and named like it (`spend.zip` or `spend.csv.zip` for
 * `spend.csv`): councils publish large tables zipped while their metadata still names the file inside.
 */
export function archiveBeside(path: string): string | undefined {
  const name = basename(path)
  const stems = [name.replace(/\.[^.]+$/, ''), name]
  const names = stems.flatMap((stem) => ARCHIVE_SUFFIXES.map((suffix) => stem + suffix))
  try {
    const found = readdirSync(dirname(path)).find((n) => names.includes(n))
    return found && statSync(join(dirname(path), found)).isFile() ? join(dirname(path), found) : undefined
  } catch {
    return undefined
  }
}
