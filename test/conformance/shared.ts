/** Locates ../shared beside the repository; conformance tests skip with a clear message without it. */
import {existsSync} from 'node:fs'
import {join} from 'node:path'

export const sharedDir = join(import.meta.dirname, '..', '..', '..', 'shared')
export const hasShared = existsSync(join(sharedDir, 'corpus'))
export const skipReason = `../shared (the shared corpus beside the repository) is absent at ${sharedDir}: conformance tests skipped`

if (!hasShared) console.warn(skipReason)
