/**
 * Lists the files in a folder, or those a glob matches, for discovery. Follows symbolic links
 * to files and folders (a data repository may link a shared file in), yet lists each real file
 * once, never walks a folder inside itself (a link to `.` or to a folder above), and returns
 * the links that lead nowhere, so that discovery can report them instead of dropping them.
 */
import {lstat, readdir, readlink, realpath, stat} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import picomatch from 'picomatch'

export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**']

export interface WalkedFile {
  /** Absolute path as walked, through any links: the name the file is reported by. */
  path: string
  /** With every link resolved: two paths to one file have the same. */
  real: string
  /** The other paths the walk reached the file by (through links), in walk order. */
  also?: string[]
  /** Reached through a symbolic link (the entry itself, or a linked folder above it). */
  viaLink?: boolean
}

export interface BrokenLink {
  /** Absolute path of the link. */
  path: string
  /** The link's own path with its folder's links resolved: the same link reached twice has the same. */
  real: string
  /** Where it leads: as written in the link, or the last missing path of a chain of links. */
  target: string
  /** ENOENT: nothing there; ELOOP: links that lead back to themselves; else why the target cannot be read. */
  code: string
}

export interface Walk {
  /** Sorted by path; a file reached by several paths is listed once, under the first. */
  files: WalkedFile[]
  /** Sorted by path. */
  broken: BrokenLink[]
}

export interface WalkOptions {
  /** Whether to list a file (or report a broken link), by its path from the root with forward slashes. */
  include: (relativePath: string) => boolean
  /** Globs, relative to the root, of files and folders to leave out; node_modules and .git always are. */
  ignore?: string[]
  /** Whether to enter folders, and list files, whose names start with a dot. */
  dot?: boolean
  /** How many levels of folders to enter below the root; no limit when absent. */
  maxDepth?: number
}

const MAX_LINK_HOPS = 40

/** A symbolic link whose target cannot be reached, described; undefined for anything else (a file, a working link, nothing at all). */
export async function brokenLink(path: string): Promise<BrokenLink | undefined> {
  const own = await lstat(path).catch(() => undefined)
  if (!own?.isSymbolicLink()) return undefined
  const code = await stat(path).then(
    () => undefined,
    (error: NodeJS.ErrnoException) => error.code ?? 'EIO',
  )
  if (code === undefined) return undefined
  const folder = await realpath(dirname(path)).catch(() => dirname(path))
  return {path, real: join(folder, basename(path)), target: await missingTarget(path, code), code}
}

/** The link's target, or for a chain of links the path at its end that is missing. */
async function missingTarget(path: string, code: string): Promise<string> {
  const first = await readlink(path)
  if (code !== 'ENOENT') return first
  let link = path
  let target = first
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    const next = resolve(dirname(link), target)
    if (!(await lstat(next).then((s) => s.isSymbolicLink(), () => false))) return hop === 0 ? first : next
    link = next
    target = await readlink(next)
  }
  return first
}

/** What is wrong with a link that leads nowhere, to follow "X is" (no full stop). */
export function brokenLinkReason(link: BrokenLink): string {
  const to = `a symbolic link to ${link.target}`
  if (link.code === 'ENOENT') return `${to}, which does not exist: fix or remove the link`
  if (link.code === 'ELOOP') return `${to}, which leads back to itself through links: fix or remove the link`
  return `${to}, which cannot be read (${link.code}): fix the link, or the target's permissions`
}

/** What a user reads about a link that leads nowhere, naming it as reports name files. */
export function brokenLinkMessage(link: BrokenLink, name: string): string {
  return `${name} is ${brokenLinkReason(link)}.`
}

/** Whether `path` is `folder` or inside it. */
function within(path: string, folder: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/**
 * Each real file once, with the others kept in `also`: under its first path not through a link
 * (so a report names the file itself, and stays the same when a link is removed), else its first.
 */
function firstOfEach(files: WalkedFile[]): WalkedFile[] {
  const first = new Map<string, WalkedFile>()
  for (const file of files) {
    const seen = first.get(file.real)
    if (!seen) first.set(file.real, {...file})
    else if (seen.viaLink && !file.viaLink) first.set(file.real, {...file, also: [seen.path, ...(seen.also ?? [])]})
    else (seen.also ??= []).push(file.path)
  }
  return [...first.values()].sort(byPath)
}

/** Orders entries by path, as the walk lists them. */
export function byPath<T extends {path: string}>(a: T, b: T): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
}

export async function walkFolder(root: string, options: WalkOptions): Promise<Walk> {
  const ignored = picomatch([...ALWAYS_IGNORED, ...(options.ignore ?? [])], {dot: true})
  const files: WalkedFile[] = []
  const broken: BrokenLink[] = []
  // Real paths of the folders being walked, from the root down: a link to one of them, or to a folder holding one, leads back into the walk.
  const walking = new Set<string>()
  const loops = (target: string) => [...walking].some((folder) => within(folder, target))

  const visit = async (folder: string, real: string, rel: string, depth: number, viaLink: boolean): Promise<void> => {
    let entries
    try {
      entries = await readdir(folder, {withFileTypes: true})
    } catch {
      return
    }
    walking.add(real)
    for (const entry of entries) {
      if (!options.dot && entry.name.startsWith('.')) continue
      const path = join(folder, entry.name)
      const relPath = rel === '' ? entry.name : `${rel}/${entry.name}`
      const own = join(real, entry.name)
      let target = own
      let isFolder = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        try {
          target = await realpath(path)
          const info = await stat(target)
          isFolder = info.isDirectory()
          isFile = info.isFile()
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
          if (!ignored(relPath) && options.include(relPath)) broken.push({path, real: own, target: await missingTarget(path, code), code})
          continue
        }
      }
      if (isFolder) {
        const deeper = options.maxDepth === undefined || depth < options.maxDepth
        if (deeper && !loops(target) && !ignored(`${relPath}/`)) await visit(path, target, relPath, depth + 1, viaLink || entry.isSymbolicLink())
      } else if (isFile && !ignored(relPath) && options.include(relPath)) {
        files.push({path, real: target, ...(viaLink || entry.isSymbolicLink() ? {viaLink: true} : {})})
      }
    }
    walking.delete(real)
  }

  const realRoot = await realpath(root).catch(() => undefined)
  if (realRoot !== undefined) await visit(root, realRoot, '', 0, false)
  return {files: firstOfEach(files.sort(byPath)), broken: broken.sort(byPath)}
}

/** Levels of folders a glob can reach below its base; undefined when `**` (or a brace, which may hold a slash) makes it any. */
function globDepth(glob: string): number | undefined {
  if (glob.includes('**') || glob.includes('{')) return undefined
  return glob.split('/').length - 1
}

/** The files a glob matches (as tinyglobby would: dot files only where the pattern names them), walked as walkFolder walks a folder. */
export async function expandGlob(pattern: string, cwd: string, ignore: string[] = []): Promise<Walk> {
  const {base, glob} = picomatch.scan(pattern)
  return walkFolder(resolve(cwd, base), {include: picomatch(glob), ignore, dot: /(^|\/)\./.test(glob), maxDepth: globDepth(glob)})
}
