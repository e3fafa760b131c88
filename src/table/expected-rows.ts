import type {TableHead} from './types.js'

/**
 * About how many records `bytes` of a table hold (the whole file by default), judged from the
 * sample read to open it: for sizing tables up front, never a count. 0 when unknown.
 */
export function expectedRows(head: TableHead, bytes = head.bytes): number {
  return head.recordBytes && bytes ? Math.ceil(bytes / head.recordBytes) : 0
}
