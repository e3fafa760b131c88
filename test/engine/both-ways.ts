/** Runs the same check single-threaded and through a parallel runner's chunks, for tests that compare the two. */
import {run, type RunOptions} from '../../src/engine/run.js'
import type {ParallelRunner} from '../../src/engine/parallel.js'

export async function singleAndChunked(runner: ParallelRunner, options: RunOptions) {
  const single = (await run(options)).tables[0]
  let chunks = 0
  const parallel = (
    await run({
      ...options,
      runChunks: async (...args) => {
        const result = await runner.runChunks(...args)
        chunks = result?.length ?? 0
        return result
      },
    })
  ).tables[0]
  return {single, parallel, chunks}
}
