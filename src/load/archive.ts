/**
 * Tables published inside archives, as councils often publish a large CSV: each data file of a
 * .zip or tar archive (.tar, .tar.gz, .tgz), and the one file of a .gz, is decompressed into a
 * temporary folder and checked from there. The user's archive is only read. In reports a member
 * is named under its archive (`spend.zip/spend.csv`); a gzipped file keeps its own name
 * (`spend.csv.gz`), being one file (src/load/archive-kind.ts). 7-Zip and RAR are not read: they are named as such.
 */
import {createReadStream, createWriteStream, rmSync, type Stats} from 'node:fs'
import {mkdir, mkdtemp, open, rm, stat, statfs} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {basename, dirname, extname, join, resolve, sep} from 'node:path'
import {pipeline} from 'node:stream/promises'
import {createGunzip, createInflateRaw} from 'node:zlib'
import type {ReadEntry} from 'tar'
import type {Entry, ZipFile} from 'yauzl'
import {compressionOf} from './archive-kind.js'
import {showFolderAs} from './shown-paths.js'
import {DATA_EXTENSIONS, formatOf, isFolderData, type DiscoveredResource} from './discover.js'
import {formatBytes, listSome} from '../shared/text.js'

/**
 * Decompresses the data files of archives into one temporary folder for a run: expand() as
 * often as archives turn up, close() at the end. The folder is made only when an archive is.
 */
export class ArchiveReader {
  private tempDir: string | undefined
  private folders = 0
  /** Metadata files seen inside the archives expanded, named through them (`spend.zip/datapackage.json`): not read. */
  readonly metadataInside: string[] = []
  /** Zips among them found in a folder whose metadata odcheck reads when the zip is checked on its own (unpackDescribed), by name. */
  readonly describedAlone: string[] = []
  /** Folders unpackDescribed unpacked zips into. */
  private readonly unpacked = new Set<string>()

  // Decompressed files never outlive the process, even when the run stops with an error before close().
  private readonly removeOnExit = () => this.tempDir && rmSync(this.tempDir, {recursive: true, force: true})

  /**
   * The resources with each .zip, .gz and tar archive replaced by the data files in it. An archive holding no
   * data is left out when it was found in a folder (a zip of PDFs beside the tables), and
   * reported as unreadable when named (`named`: absolute paths given on the command line, or
   * files inside it named through it) or when nothing else is being checked. One that cannot be
   * read at all (damaged, not a zip, too large for the room left) is always reported.
   * `onProgress` is told how far each archive's decompression is (bytes of `size`), at its start
   * and end and every PROGRESS_MS between.
   */
  async expand(resources: DiscoveredResource[], named: Set<string>, onProgress?: (archive: DiscoveredResource, bytes: number, size: number) => void, depth = 0): Promise<DiscoveredResource[]> {
    if (!resources.some((r) => r.unreadable === undefined && compressionOf(r.path))) return resources
    const out: DiscoveredResource[] = []
    const empty: DiscoveredResource[] = []
    for (const resource of resources) {
      const compression = resource.unreadable === undefined ? compressionOf(resource.path) : undefined
      if (!compression) {
        out.push(resource)
        continue
      }
      const folder = join(await this.temporaryFolder(), String(this.folders++))
      const isNamed = named.has(resource.path) || resource.innerpaths !== undefined
      const progress = onProgress && ((bytes: number, size: number) => onProgress(resource, bytes, size))
      const expanded = compression === 'zip' ? await expandZip(resource, folder, progress) : compression === 'tar' ? await expandTar(resource, folder, progress) : await expandGzip(resource, folder, isNamed, progress)
      for (const inner of expanded.metadata ?? []) this.metadataInside.push(`${resource.name}/${inner}`)
      if (compression === 'zip' && !isNamed && (expanded.metadata ?? []).some((inner) => inner.split('/').length <= 2)) this.describedAlone.push(resource.name)
      if (expanded.members.length > 0) out.push(...(await this.nested(expanded.members, named, onProgress, depth)))
      else if (isNamed || expanded.damaged) out.push({...resource, unreadable: expanded.why, unreadableReason: expanded.damaged ? 'unreadable' : 'missing'})
      else empty.push({...resource, unreadable: expanded.why})
    }
    return out.length > 0 ? out : empty
  }

  /**
   * Archives inside an archive (a year's zip of monthly zips) are read in turn, to MAX_NESTING
   * levels; one that holds no data is left out, as a zip of documents in a folder is.
   */
  private async nested(members: DiscoveredResource[], named: Set<string>, onProgress: Parameters<ArchiveReader['expand']>[2], depth: number): Promise<DiscoveredResource[]> {
    // A member of a zip or tar archive that is an archive itself (a .gz's one file keeps the .gz's name, and is what it holds).
    const isArchive = (m: DiscoveredResource) => m.compression !== 'gz' && m.file !== undefined && compressionOf(m.file) !== undefined
    if (!members.some(isArchive)) return members
    const out: DiscoveredResource[] = []
    for (const member of members) {
      if (!isArchive(member)) out.push(member)
      else if (depth + 1 >= MAX_NESTING) out.push({...member, unreadable: `${member.name} is an archive inside ${MAX_NESTING} others: odcheck reads no deeper. Publish the files it holds less deeply nested.`, unreadableReason: 'unreadable'})
      else out.push(...(await this.expand([member], named, onProgress, depth + 1)).filter((r) => r.unreadable === undefined || r.unreadableReason !== undefined))
    }
    return out
  }

  /** Removes the decompressed files. */
  async close(): Promise<void> {
    if (!this.tempDir) return
    process.off('exit', this.removeOnExit)
    await rm(this.tempDir, {recursive: true, force: true})
    this.tempDir = undefined
  }

  /**
   * A dataset published as one zip that describes itself (a data package zipped whole, with its
   * datapackage.json; or CSVW metadata or an odcheck.yaml with the tables) is checked as the
   * folder it was: each zip among `inputs` holding such a file at its top (or in its one top
   * folder) is unpacked whole, its files named through it wherever paths are shown
   * (src/load/shown-paths.ts). Returns the inputs with each such zip replaced by its folder.
   * Only zips: their listing is read from their end, where a tar archive would have to be
   * decompressed once to list and again to read (a 120 MB table: 0.3 s and 90 MB more).
   */
  async unpackDescribed(inputs: string[], cwd: string): Promise<string[]> {
    const out: string[] = []
    for (const input of inputs) {
      const path = resolve(cwd, input)
      const folder = compressionOf(path) === 'zip' ? join(await this.temporaryFolder(), String(this.folders++)) : undefined
      // Not described, damaged, or too large for the room left: read as any other archive, which reports why.
      const top = folder ? await unpackDescribedZip(path, folder).catch(() => undefined) : undefined
      if (folder === undefined || top === undefined) {
        out.push(input)
        continue
      }
      showFolderAs(folder, path)
      this.unpacked.add(folder)
      out.push(top === '' ? folder : join(folder, top))
    }
    return out
  }

  /** For a file of an archive unpackDescribed unpacked: how it was stored, as Frictionless says it (`compression`, `innerpath`), and that it is a decompressed copy (`file`). */
  storedAs(path: string): Pick<DiscoveredResource, 'compression' | 'innerpath' | 'file'> | undefined {
    for (const folder of this.unpacked) {
      if (path.startsWith(folder + sep)) return {compression: 'zip', innerpath: path.slice(folder.length + 1).split(sep).join('/'), file: path}
    }
    return undefined
  }

  private async temporaryFolder(): Promise<string> {
    if (!this.tempDir) {
      this.tempDir = await mkdtemp(join(tmpdir(), 'odcheck-archive-'))
      process.once('exit', this.removeOnExit)
    }
    return this.tempDir
  }
}

interface Expanded {
  members: DiscoveredResource[]
  /** Why no member can be checked, when none can. */
  why: string
  /** The archive itself cannot be read: reported wherever it was found. */
  damaged?: boolean
  /** Files inside it that describe a dataset (describesADataset), by their path inside it. */
  metadata?: string[]
}

/** Files that describe a dataset, by their name in their folder: a data package's, CSVW's, odcheck's own. */
const DESCRIBES_A_DATASET = /^(datapackage\.(json|ya?ml)|[^/]*-metadata\.json|odcheck\.ya?ml)$/i
/** Whether a file inside an archive (its path there) describes a dataset: odcheck, like catalogues, does not read it there. */
const describesADataset = (inner: string) => DESCRIBES_A_DATASET.test(inner.slice(inner.lastIndexOf('/') + 1))

const NOTHING_INSIDE = 'odcheck checks tables (CSV, TSV, .xlsx), JSON and RDF data'

/** Why no member is checked when an archive holds none that is data (`others`: what it holds). */
function noDataIn(archive: DiscoveredResource, others: string[]): string {
  const held = others.length > 0 ? `it holds ${listSome(others, 3)}` : 'it is empty'
  return `${archive.name} holds no data odcheck can check (${held}): ${NOTHING_INSIDE}.`
}

/** Files named through an archive (spend.zip/spend.csv) that it does not hold. */
function membersAbsent(archive: DiscoveredResource, absent: string[], others: string[], kind: 'zip' | 'archive'): Expanded {
  return {members: [], damaged: true, why: `${archive.name} holds no ${listSome(absent, 3)}${others.length > 0 ? ` (it holds ${listSome(others, 3)})` : ''}: check the path inside the ${kind}.`}
}

/** Archives inside archives read, counting the outermost. */
const MAX_NESTING = 3

/**
 * The file at `inner` in a zip or tar archive, named through it; its `innerpath` runs from the
 * outermost archive, as its `path` does (`april.zip/april.csv` in spend-2026.zip).
 */
function memberOf(archive: DiscoveredResource, inner: string, compression: 'zip' | 'tar'): DiscoveredResource {
  return {path: `${archive.path}/${inner}`, name: `${archive.name}/${inner}`, format: formatOf(inner), compression, innerpath: archive.innerpath ? `${archive.innerpath}/${inner}` : inner}
}

/** Where an archive's bytes are: a copy decompressed from another archive, or the user's file. */
const bytesOf = (archive: DiscoveredResource) => archive.file ?? archive.path

/** `named`: given by the user, a .gz is read whatever its inner extension, as a named file is; found in a folder, only when it is data. */
async function expandGzip(archive: DiscoveredResource, folder: string, named: boolean, progress?: Progress): Promise<Expanded> {
  const inner = basename(archive.path).replace(/\.gz$/i, '')
  const file = join(folder, inner)
  await mkdir(folder, {recursive: true})
  // How far it is goes by the compressed bytes read: the size of what comes out is not known before.
  const size = await stat(bytesOf(archive)).then((s) => s.size)
  // Made just before the pipeline that handles its errors: an error emitted while nothing listens would end the process.
  const input = createReadStream(bytesOf(archive), BIG_READS)
  try {
    await reporting(progress, size, () => input.bytesRead, pipeline(input, createGunzip({chunkSize: CHUNK}), createWriteStream(file, {flags: 'wx', ...BIG_READS})))
  } catch (error) {
    return {members: [], damaged: true, why: `${archive.name} cannot be decompressed (${gzipProblem(error)}): check that it is a complete gzip file (gunzip -t ${basename(archive.path)}), and publish it again if it is not.`}
  }
  if (!named && !isFolderData(file)) return {members: [], why: `${archive.name} holds ${inner}, not data odcheck can check: ${NOTHING_INSIDE}.`}
  return {members: [{...archive, file, format: formatOf(inner), compression: 'gz'}], why: ''}
}

function gzipProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'Z_BUF_ERROR') return 'it ends before its data does'
  if (code === 'Z_DATA_ERROR') return 'it is not gzip data, or is damaged'
  return (error as Error).message
}

/** Why the files to check, `bytes` in all once decompressed, will not fit in the temporary folder `tempDir`; undefined when they will. */
export async function shortOfSpace(bytes: number, tempDir: string): Promise<string | undefined> {
  const {bavail, bsize} = await statfs(tempDir)
  const free = bavail * bsize
  if (bytes <= free) return undefined
  return `needs ${formatBytes(bytes)} to decompress the files to check, and the temporary folder (${tempDir}) has ${formatBytes(free)} free: set TMPDIR to a folder with room, or unzip it yourself and check the files.`
}

/** A zip yauzl cannot open or list, with its reason in words (its commonest says two things at once). */
function unreadableZip(archive: DiscoveredResource, error: unknown): Expanded {
  const message = (error as Error).message
  const why = /end of central directory record signature not found/i.test(message) ? 'it is not a zip file, or it is cut short' : message.replace(/\.$/, '')
  return {members: [], damaged: true, why: `${archive.name} cannot be read as a zip archive (${why}): check that it is complete, and publish it again if it is not.`}
}

/** Folders inside a zip that hold no data of the dataset: macOS's resource forks. */
const NOT_DATA = /(^|\/)(__MACOSX\/|\.)/

async function expandZip(archive: DiscoveredResource, folder: string, progress?: Progress): Promise<Expanded> {
  let zip: ZipFile
  try {
    zip = await openZip(bytesOf(archive))
  } catch (error) {
    return unreadableZip(archive, error)
  }
  const members: DiscoveredResource[] = []
  const others: string[] = []
  const metadata: string[] = []
  try {
    const listed: Entry[] = []
    const wantedOnly = archive.innerpaths
    for await (const entry of entries(zip)) {
      if (entry.fileName.endsWith('/') || NOT_DATA.test(entry.fileName)) continue
      if (describesADataset(entry.fileName)) metadata.push(entry.fileName)
      if (!wantedOnly || wantedOnly.includes(entry.fileName)) listed.push(entry)
      else others.push(entry.fileName)
    }
    const absent = (wantedOnly ?? []).filter((inner) => !listed.some((e) => e.fileName === inner))
    if (absent.length > 0) return membersAbsent(archive, absent, others, 'zip')
    const wanted = listed.filter((e) => isCandidate(e.fileName) && !e.isEncrypted())
    const size = wanted.reduce((n, e) => n + e.uncompressedSize, 0)
    const short = await shortOfSpace(size, dirname(folder))
    if (short) return {members: [], damaged: true, why: `${archive.name} ${short}`}
    let done = 0
    for (const entry of listed) {
      const inner = entry.fileName
      const member = memberOf(archive, inner, 'zip')
      if (!isCandidate(inner)) {
        others.push(inner)
        continue
      }
      if (entry.isEncrypted()) {
        members.push({...member, unreadable: `${member.name} is encrypted (the zip has a password), so it cannot be read: publish it without a password.`, unreadableReason: 'unreadable'})
        continue
      }
      const file = join(folder, inner)
      await mkdir(dirname(file), {recursive: true})
      const soFar = done
      await extract(zip, entry, file, progress && ((written) => progress(soFar + written, size)))
      done += entry.uncompressedSize
      if (isFolderData(file) || compressionOf(inner)) members.push({...member, file})
      else others.push(inner)
    }
  } catch (error) {
    return unreadableZip(archive, error)
  } finally {
    zip.close()
  }
  return {members, metadata, why: noDataIn(archive, others)}
}

/**
 * A tar archive, gzipped or not, read in one pass: its data files are written to `folder` as they
 * come (a tar has no index to list first, so the room left is not checked before, and running
 * out is reported as such). Links, devices and names leading outside the archive are never written.
 */
async function expandTar(archive: DiscoveredResource, folder: string, progress?: Progress): Promise<Expanded> {
  const {x} = await import('tar')
  await mkdir(folder, {recursive: true})
  const wantedOnly = archive.innerpaths
  const taken: string[] = []
  const others: string[] = []
  const metadata: string[] = []
  let escaping: string | undefined
  const filter = (path: string, entry: ReadEntry | Stats) => {
    const inner = path.replace(/^\.\//, '')
    if (!('type' in entry) || !['File', 'OldFile', 'ContiguousFile'].includes(entry.type)) return false
    if (inner.startsWith('/') || inner.split('/').includes('..')) {
      escaping ??= inner
      return false
    }
    if (NOT_DATA.test(inner)) return false
    if (describesADataset(inner)) metadata.push(inner)
    if (wantedOnly ? !wantedOnly.includes(inner) : !isCandidate(inner)) {
      others.push(inner)
      return false
    }
    taken.push(inner)
    return true
  }
  const size = await stat(bytesOf(archive)).then((s) => s.size)
  const input = createReadStream(bytesOf(archive), BIG_READS)
  try {
    // Gunzipped by zlib with big chunks, as for a .gz: node-tar's own gunzip took three times as long.
    // By its first bytes, not its name: a .tar downloaded from a catalogue may be gzipped.
    const extract = x({cwd: folder, strict: true, filter})
    const reading = (await isGzip(bytesOf(archive))) ? pipeline(input, createGunzip({chunkSize: CHUNK}), extract) : pipeline(input, extract)
    await reporting(progress, size, () => input.bytesRead, reading)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOSPC') return {members: [], damaged: true, why: `${archive.name} filled the temporary folder (${dirname(folder)}) while its files were decompressed: set TMPDIR to a folder with room, or extract it yourself and check the files.`}
    const why = code === 'TAR_BAD_ARCHIVE' ? 'it is not a tar archive' : code?.startsWith('Z_') ? gzipProblem(error) : (error as Error).message
    return {members: [], damaged: true, why: `${archive.name} cannot be read as a tar archive (${why}): check that it is complete, and publish it again if it is not.`}
  }
  if (escaping) return {members: [], damaged: true, why: `${archive.name} holds a file named ${escaping}, which leads outside the archive: odcheck does not write it. Publish the archive with every path inside it.`}
  const absent = (wantedOnly ?? []).filter((inner) => !taken.includes(inner))
  if (absent.length > 0) return membersAbsent(archive, absent, others, 'archive')
  const members: DiscoveredResource[] = []
  for (const inner of taken) {
    const file = join(folder, inner)
    if (isFolderData(file) || compressionOf(inner)) members.push({...memberOf(archive, inner, 'tar'), file})
    else others.push(inner)
  }
  return {members, metadata, why: noDataIn(archive, others)}
}

/** Where among a zip's file names its describing metadata is: '' at its top, or its one top folder; undefined when it has none. */
function describedTop(names: string[]): string | undefined {
  if (names.some((n) => DESCRIBES_A_DATASET.test(n))) return ''
  const tops = new Set(names.map((n) => n.split('/')[0]))
  const [top] = tops
  if (tops.size !== 1 || !names.every((n) => n.startsWith(top + '/'))) return undefined
  return names.some((n) => DESCRIBES_A_DATASET.test(n.slice(top.length + 1))) ? top : undefined
}

/**
 * A zip that describes itself, every file of it written under `folder` (yauzl refuses names
 * leading outside it): where in it the metadata is (describedTop). Undefined, and nothing
 * written, for a zip that does not describe itself or whose files would not fit.
 */
async function unpackDescribedZip(path: string, folder: string): Promise<string | undefined> {
  const zip = await openZip(path)
  try {
    const files: Entry[] = []
    for await (const entry of entries(zip)) if (!entry.fileName.endsWith('/') && !NOT_DATA.test(entry.fileName)) files.push(entry)
    const top = describedTop(files.map((e) => e.fileName))
    if (top === undefined) return undefined
    const readable = files.filter((e) => !e.isEncrypted())
    if (await shortOfSpace(readable.reduce((n, e) => n + e.uncompressedSize, 0), dirname(folder))) return undefined
    for (const entry of readable) {
      const file = join(folder, entry.fileName)
      await mkdir(dirname(file), {recursive: true})
      await extract(zip, entry, file)
    }
    return top
  } finally {
    zip.close()
  }
}

/** A zip opened with yauzl, its entries read one at a time (`entries`). */
async function openZip(path: string): Promise<ZipFile> {
  const {default: yauzl} = await import('yauzl')
  return new Promise<ZipFile>((done, fail) => yauzl.open(path, {lazyEntries: true, autoClose: false}, (error, opened) => (error ? fail(error) : done(opened))))
}

type Progress = (bytes: number, size: number) => void

/** Whether a file starts with gzip's signature. */
async function isGzip(path: string): Promise<boolean> {
  const file = await open(path, 'r')
  try {
    const {bytesRead, buffer} = await file.read(Buffer.alloc(2), 0, 2, 0)
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b
  } finally {
    await file.close()
  }
}

const PROGRESS_MS = 100

/** Awaits `work`, telling `progress` how far it is (`bytes()` of `size`) at the start, every PROGRESS_MS, and at the end. */
async function reporting<T>(progress: Progress | undefined, size: number, bytes: () => number, work: Promise<T>): Promise<T> {
  if (!progress) return work
  progress(0, size)
  const timer = setInterval(() => progress(bytes(), size), PROGRESS_MS)
  try {
    const result = await work
    progress(size, size)
    return result
  } finally {
    clearInterval(timer)
  }
}

/** zlib's output and the file streams' buffers: at its default 16 KB, decompressing 120 MB took twice as long. */
const CHUNK = 1 << 20
const BIG_READS = {highWaterMark: CHUNK}

/**
 * Writes one file of the zip to `file`. A deflated file is inflated here rather than by yauzl,
 * which would use zlib's small default chunks, so its size is checked here too, as yauzl would.
 */
async function extract(zip: ZipFile, entry: Entry, file: string, progress?: (written: number) => void): Promise<void> {
  const deflated = entry.compressionMethod === 8
  const stream = await new Promise<NodeJS.ReadableStream>((done, fail) => zip.openReadStream(entry, {decompress: deflated ? false : null}, (error, s) => (error ? fail(error) : done(s))))
  const out = createWriteStream(file, {flags: 'wx', ...BIG_READS})
  const written = deflated ? pipeline(stream, createInflateRaw({chunkSize: CHUNK}), out) : pipeline(stream, out)
  await reporting(progress, entry.uncompressedSize, () => out.bytesWritten, written)
  if (deflated && out.bytesWritten !== entry.uncompressedSize) throw new Error(`${entry.fileName} holds ${out.bytesWritten} bytes where the zip says ${entry.uncompressedSize}`)
}

/** A member worth decompressing to look at: a table, JSON, .txt or RDF by its name (isFolderData then judges its content), or an archive to read in turn. */
function isCandidate(inner: string): boolean {
  return DATA_EXTENSIONS.has(extname(inner).slice(1).toLowerCase()) || compressionOf(inner) !== undefined
}

/** The entries of an open zip, one at a time (yauzl's lazyEntries: the next is read when asked for). */
async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | undefined>((done, fail) => {
      const cleanup = () => {
        zip.off('entry', onEntry)
        zip.off('end', onEnd)
        zip.off('error', onError)
      }
      const onEntry = (entry: Entry) => (cleanup(), done(entry))
      const onEnd = () => (cleanup(), done(undefined))
      const onError = (error: Error) => (cleanup(), fail(error))
      zip.on('entry', onEntry)
      zip.on('end', onEnd)
      zip.on('error', onError)
      zip.readEntry()
    })
    if (!next) return
    yield next
  }
}
