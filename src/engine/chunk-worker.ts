/**
 * Worker thread entry: checks one chunk of a large table at a time for the parallel runner
 * (parallel.ts). It rebuilds the check registry from the same module URLs as the main thread,
 * creates each rule's hooks with its options, runs the same `checkChunk` as the single-threaded
 * path over the chunk's byte range and posts back the ChunkResult (plain, cloneable data).
 */
import {parentPort, workerData} from 'node:worker_threads'
import type {RowRange} from '../table/rows.js'
import type {TableHead} from '../table/types.js'
import type {TableCheckHooks} from './check.js'
import {checkChunk} from './chunk.js'
import {CheckRegistry} from './registry.js'
import {transferables} from '../table/transferables.js'
import type {ActiveRule} from './types.js'

export interface ChunkTask {
  id: number
  head: TableHead
  rules: ActiveRule[]
  range: RowRange
  cap: number
}

export type ChunkReply = {id: number; result: Awaited<ReturnType<typeof checkChunk>>} | {id: number; error: string}

export interface ChunkWorkerData {
  moduleUrls: string[]
}

const {moduleUrls} = workerData as ChunkWorkerData
const registry = CheckRegistry.load(moduleUrls)
const ignore = () => {}

async function runTask(task: ChunkTask) {
  const loaded = await registry
  const hooks: Array<TableCheckHooks<unknown>> = task.rules.map((rule) => {
    const check = loaded.get(rule.check)
    if (!check) throw new Error(`rule ${rule.id} names check "${rule.check}", which the worker could not load`)
    return check.create(rule.options)
  })
  // The main thread reports header findings; running the hooks here too keeps any setup they do.
  for (const h of hooks) h.header?.(task.head, ignore)
  return checkChunk(task.head, hooks, task.range, task.cap)
}

parentPort!.on('message', (task: ChunkTask) => {
  runTask(task).then(
    (result) => parentPort!.postMessage({id: task.id, result} satisfies ChunkReply, transferables(result.states)),
    (error: unknown) => parentPort!.postMessage({id: task.id, error: error instanceof Error ? error.message : String(error)} satisfies ChunkReply),
  )
})
