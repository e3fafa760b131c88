/**
 * Checks the rows of large tables on several threads. The main thread scans the file for record
 * boundaries (table/boundaries.ts) and hands each chunk (32 MB: each chunk costs a worker fresh
 * state and regrouped values) to a small pool of worker threads as soon as it is found, so
 * scanning overlaps checking; results come back in file order and the engine folds them together
 * with each check's `merge`, exactly as if one thread had read the whole table.
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import {availableParallelism} from 'node:os'
import {basename, join, relative, sep} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {Worker, type ResourceLimits} from 'node:worker_threads'
import {buildDir, packageRoot} from '../load/package-root.js'
import {isScannable, scanChunks} from '../table/boundaries.js'
import type {TableHead} from '../table/types.js'
import type {RangeResult} from '../table/rows.js'
import {builtInChecksUrl, builtInTableChecksUrl} from './built-in-checks.js'
import type {ChunkResult} from './chunk.js'
import type {ChunkReply, ChunkTask, ChunkWorkerData} from './chunk-worker.js'
import {LateEncoding} from './late-encoding-scan.js'
import {dataRange} from './run-table.js'
import type {ActiveRule} from './types.js'

export const MAX_JOBS = 16
export const DEFAULT_CHUNK_BYTES = 32 << 20
/** Below this, starting workers and warming up their compiled code costs more than it saves (measured on 2 cores). */
export const DEFAULT_MIN_PARALLEL_BYTES = 48 << 20
/** Source problems kept per table, as the single-threaded reader keeps them. */
const MAX_PROBLEMS = 100_000

export interface ParallelOptions {
  /** Worker threads; 1 or less checks in-process. */
  jobs: number
  /** Check module URLs, as the main thread loaded them. */
  moduleUrls: string[]
  /** Approximate size of one chunk. */
  chunkBytes?: number
  /** Tables smaller than this are checked in-process. */
  minBytes?: number
  /** Old-generation heap of each worker, in MB (see `workerLimits`); 0 for V8's default. */
  workerHeapMb?: number
}

/** `--jobs` default: the cores Node may use, capped. */
export function defaultJobs(): number {
  return Math.max(1, Math.min(MAX_JOBS, availableParallelism()))
}

const BUILD_HINT = 'Run "npm run build" in the odcheck folder, or check with --jobs 1.'

/**
 * The compiled worker script of the running build: the bundled CLI's own (dist-bundle/), else
 * tsc's in dist/, also when odcheck runs from source (tests), since workers run plain JS.
 */
export function workerScript(): string {
  const script = join(basename(buildDir) === 'src' ? join(packageRoot, 'dist') : buildDir, 'engine', 'chunk-worker.js')
  if (!existsSync(script)) throw new Error(`The parallel checker needs ${script}, which is missing. ${BUILD_HINT}`)
  return script
}

/**
 * The module a worker loads for a check module the main thread loaded: for odcheck's own,
 * checks/table (the checks that read rows, without the dataset-level checks and the metadata
 * and licence code they import: half the code, and about 0.12 s less for two workers to start);
 * a module under src/ given as TypeScript (tests run from source) maps to its compiled twin in dist/.
 */
export function workerModuleUrl(url: string): string {
  if (url === builtInChecksUrl) url = builtInTableChecksUrl
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return url
  const path = fileURLToPath(url)
  const src = join(packageRoot, 'src')
  const rel = relative(src, path)
  if (rel.startsWith('..') || rel.startsWith(sep)) return url
  const compiled = join(packageRoot, 'dist', rel.replace(/\.ts$/, '.js'))
  if (!existsSync(compiled)) throw new Error(`The parallel checker needs ${compiled}, which is missing. ${BUILD_HINT}`)
  assertBuildIsFresh()
  return pathToFileURL(compiled).href
}

const WORKER_LAYERS = ['shared', 'load', 'metadata', 'table', 'engine', 'checks']

function newestMtime(dir: string, ext: string): {time: number; file?: string} {
  let newest: {time: number; file?: string} = {time: 0}
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    const found = entry.isDirectory() ? newestMtime(path, ext) : entry.name.endsWith(ext) ? {time: statSync(path).mtimeMs, file: path} : newest
    if (found.time > newest.time) newest = found
  }
  return newest
}

/** Running from source, workers would run older compiled code than the main thread: refuse, rather than differ. */
function assertBuildIsFresh(): void {
  // Workers load the check modules and the layers below them, never assess/report/commands.
  let src: {time: number; file?: string} = {time: 0}
  for (const layer of WORKER_LAYERS) {
    const dir = join(packageRoot, 'src', layer)
    const found = existsSync(dir) ? newestMtime(dir, '.ts') : src
    if (found.time > src.time) src = found
  }
  const dist = newestMtime(join(packageRoot, 'dist'), '.js')
  if (src.time > dist.time) throw new Error(`The parallel checker runs dist/, which is older than ${src.file}. ${BUILD_HINT}`)
}

/**
 * Each worker has its own V8 heap, which V8 lets grow well beyond what a chunk keeps alive
 * before collecting it: three heaps (main thread and two workers) took a 1 GB check past
 * 200 MB. A young generation of DEFAULT_WORKER_YOUNG_MB, and an old generation of
 * DEFAULT_WORKER_HEAP_MB, keep the pool's peak down (1 GB bench file: 158 MB, against 217 MB
 * with V8's defaults). 16 MB of young generation rather than 4 cut each worker's scavenges from
 * about 0.2 to 0.1 s on the 120 MB bench file (2.20 against 2.48 s wall with 32 MB chunks).
 * The old-generation size is a hard limit in V8: a worker that needs more (a record of tens of
 * MB) runs out, and its chunk is checked again by a worker without the limit.
 * ODCHECK_WORKER_YOUNG_MB and ODCHECK_WORKER_HEAP_MB override them (0: V8's default), and
 * ODCHECK_CHUNK_MB the chunk size, for measuring.
 */
export const DEFAULT_WORKER_HEAP_MB = 48
export const DEFAULT_WORKER_YOUNG_MB = 16

function workerLimits(heapMb: number): ResourceLimits {
  const young = Number(process.env.ODCHECK_WORKER_YOUNG_MB ?? DEFAULT_WORKER_YOUNG_MB)
  return {...(young > 0 ? {maxYoungGenerationSizeMb: young} : {}), ...(heapMb > 0 ? {maxOldGenerationSizeMb: heapMb} : {})}
}

function workerHeapMb(given: number | undefined): number {
  const mb = given ?? Number(process.env.ODCHECK_WORKER_HEAP_MB ?? DEFAULT_WORKER_HEAP_MB)
  return Number.isFinite(mb) && mb > 0 ? mb : 0
}

interface PendingTask {
  task: ChunkTask
  resolve(result: ChunkResult): void
  reject(error: Error): void
}

interface PoolWorker {
  worker: Worker
  current?: PendingTask
  /** Replaced after running out of memory: its exit is expected. */
  retired?: boolean
}

/** A small pool of chunk workers, started on first use and kept for every table of the run. */
class WorkerPool {
  private readonly workers: PoolWorker[] = []
  private readonly queue: PendingTask[] = []
  private failure: Error | undefined
  private closing = false
  private nextId = 1

  constructor(
    private readonly size: number,
    private readonly data: ChunkWorkerData,
    /** Old-generation limit of new workers in MB; 0 once a chunk needed more. */
    private heapMb: number,
  ) {}

  /** Starts every worker now; idle, they do not keep the process alive. */
  prestart(): void {
    while (this.workers.length < this.size) this.start().worker.unref()
  }

  run(task: Omit<ChunkTask, 'id'>): Promise<ChunkResult> {
    if (this.failure) return Promise.reject(this.failure)
    return new Promise((resolve, reject) => {
      this.queue.push({task: {...task, id: this.nextId++}, resolve, reject})
      this.dispatch()
    })
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.workers.find((w) => !w.current)
      if (!slot && this.workers.length < this.size) slot = this.start()
      if (!slot) return
      const pending = this.queue.shift()!
      slot.current = pending
      slot.worker.ref()
      slot.worker.postMessage(pending.task)
    }
  }

  private start(): PoolWorker {
    const worker = new Worker(workerScript(), {workerData: this.data, resourceLimits: workerLimits(this.heapMb)})
    const slot: PoolWorker = {worker}
    worker.on('message', (reply: ChunkReply) => {
      const pending = slot.current
      if (!pending || pending.task.id !== reply.id) return
      slot.current = undefined
      worker.unref()
      if ('error' in reply) {
        // This chunk's own promise too: the results are awaited in file order, so an unsettled one would hang the run.
        const error = new Error(describe(pending.task, reply.error))
        pending.reject(error)
        this.fail(error)
      } else pending.resolve(reply.result)
      this.dispatch()
    })
    worker.on('error', (error: Error & {code?: string}) => {
      if (slot.retired) return
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY' && this.heapMb > 0) this.retryWithoutLimit()
      else this.fail(new Error(describe(slot.current?.task, error.message)))
    })
    worker.on('messageerror', (error) => this.fail(new Error(describe(slot.current?.task, `its result could not be read (${error.message})`))))
    worker.on('exit', (code) => {
      if (code !== 0 && !this.closing && !slot.retired) this.fail(new Error(describe(slot.current?.task, `the worker stopped (exit code ${code})`)))
    })
    this.workers.push(slot)
    return slot
  }

  /**
   * A chunk needed more memory than the limit: from now on workers run without one. The
   * limited ones are stopped and their chunks checked again (rare: a record of tens of MB).
   */
  private retryWithoutLimit(): void {
    this.heapMb = 0
    const limited = this.workers.splice(0)
    const again = limited.flatMap((w) => (w.current ? [w.current] : []))
    for (const w of limited) {
      w.retired = true
      w.current = undefined
      void w.worker.terminate()
    }
    this.queue.unshift(...again.sort((a, b) => a.task.id - b.task.id))
    this.dispatch()
  }

  /** Fails every task still running or waiting, and stops the workers: a broken chunk never leaves the run hanging. */
  private fail(error: Error): void {
    if (!this.failure) this.failure = error
    const waiting = [...this.workers.flatMap((w) => (w.current ? [w.current] : [])), ...this.queue.splice(0)]
    for (const w of this.workers) w.current = undefined
    for (const pending of waiting) pending.reject(this.failure)
    void this.close()
  }

  async close(): Promise<void> {
    this.closing = true
    const workers = this.workers.splice(0)
    await Promise.all(workers.map((w) => w.worker.terminate()))
  }
}

function describe(task: ChunkTask | undefined, message: string): string {
  const where = task ? `${task.head.path} from line ${task.range.firstLine}` : 'a table'
  return `Checking ${where} in a worker thread failed: ${message}`
}

/** The plug for TableRunOptions.runChunks; returns undefined when a table is better checked in-process. */
export class ParallelRunner {
  private pool: WorkerPool | undefined
  private readonly chunkBytes: number
  private readonly minBytes: number

  constructor(private readonly options: ParallelOptions) {
    this.chunkBytes = options.chunkBytes ?? (Number(process.env.ODCHECK_CHUNK_MB) << 20 || DEFAULT_CHUNK_BYTES)
    this.minBytes = options.minBytes ?? DEFAULT_MIN_PARALLEL_BYTES
  }

  /** Whether this table is split across workers. */
  accepts(head: TableHead, size: number): boolean {
    return this.options.jobs > 1 && size >= this.minBytes && isScannable(head.encoding, head.dialect)
  }

  /** Starts the workers ahead of the first table when one of these files is large enough to need them. */
  prestartFor(paths: string[]): void {
    if (this.options.jobs <= 1) return
    const large = paths.some((path) => {
      try {
        const stat = statSync(path)
        return stat.isFile() && stat.size >= this.minBytes
      } catch {
        return false
      }
    })
    if (large) this.workerPool().prestart()
  }

  /** Worker threads in the pool. */
  private get workers(): number {
    return Math.min(this.options.jobs, MAX_JOBS)
  }

  private workerPool(): WorkerPool {
    return (this.pool ??= new WorkerPool(this.workers, {moduleUrls: this.options.moduleUrls.map(workerModuleUrl)}, workerHeapMb(this.options.workerHeapMb)))
  }

  /**
   * Checks the table's chunks on the workers and hands each result to `onChunk` in file order,
   * as soon as it and every chunk before it are back. Resolves to the chunks' reading results.
   */
  runChunks = async (head: TableHead, rules: ActiveRule[], _start: number, size: number, cap: number, onChunk: (chunk: ChunkResult) => void, onBytes?: (bytes: Buffer) => void): Promise<RangeResult[] | undefined> => {
    if (!this.accepts(head, size)) return undefined
    const pool = this.workerPool()
    const first = dataRange(head)
    const ranges: RangeResult[] = []
    // The single-threaded reader keeps the first MAX_PROBLEMS source problems of the table; so does this.
    let room = MAX_PROBLEMS
    const take = (chunk: ChunkResult) => {
      if (chunk.range.problems.length > room) chunk.range.problems.length = room
      room -= chunk.range.problems.length
      ranges.push(chunk.range)
      onChunk(chunk)
    }
    let folded: Promise<void> = Promise.resolve()
    const late = head.encoding.provisional ? new LateEncoding(head, first.start) : undefined
    const scan = scanChunks({path: head.path, size, start: first.start, delimiter: head.dialect.delimiter, chunkBytes: this.chunkBytes, ways: this.workers, onBytes: late ? late.watching(onBytes) : onBytes})
    try {
      for await (const chunk of scan) {
        const range = {start: chunk.start, end: chunk.end, firstRowNumber: chunk.firstRowNumber, firstLine: chunk.firstLine, skipRecords: Math.max(0, first.skipRecords - (chunk.firstRowNumber - 1))}
        // The scan has read past this chunk's end: a chunk at or after the first non-ASCII byte is read in the encoding decided there.
        const chunkHead = late ? await late.headFor(chunk.end) : head
        const result = pool.run({head: chunkHead, rules, range, cap})
        folded = folded.then(() => result).then(take)
        // Failures surface when `folded` is awaited below; these keep an early one from going unhandled meanwhile.
        result.catch(() => {})
        folded.catch(() => {})
      }
      await folded
    } catch (error) {
      await this.close()
      throw error
    }
    // The single-threaded reader reports the switch in its reading result; so does this.
    if (late?.switched && ranges.length > 0) ranges[0].encodingSwitch = late.switched
    return ranges
  }

  async close(): Promise<void> {
    const pool = this.pool
    this.pool = undefined
    await pool?.close()
  }
}
