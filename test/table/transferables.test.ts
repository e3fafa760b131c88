/** What a worker moves to the main thread instead of copying: buffers checks marked as their state's own. */
import {describe, expect, it} from 'vitest'
import {movable, transferables} from '../../src/table/transferables.js'
import {insert, newKeyList, newKeyTable, push} from '../../src/table/key-table.js'

describe('transferables', () => {
  it("finds the key tables' and key lists' buffers anywhere in the states, once each, and they arrive whole", () => {
    const table = newKeyTable(1000, true)
    insert(table, 1, 2, 3, 4)
    const repeats = newKeyList()
    push(repeats, 7, 0, 1, 2, 9)
    const own = movable(new Float64Array(4))
    const states = [null, [{seen: table, repeats, again: table}], {byColumn: new Map([['a', {own}]])}]
    const found = transferables(states)
    expect(found).toHaveLength(1 + 5 + 1)
    expect(found).toContain(table.slots.buffer)
    expect(found).toContain(own.buffer)
    const {port1, port2} = new MessageChannel()
    port1.postMessage(states, found)
    // Moved: the sender's copy is gone.
    expect(table.slots.byteLength).toBe(0)
    port1.close()
    port2.close()
  })

  it('never moves an unmarked typed array, which a module may keep from chunk to chunk, nor a Buffer', () => {
    const scratch = new Uint32Array(2)
    expect(transferables([{scratch, bytes: Buffer.alloc(64), view: new Uint8Array(new ArrayBuffer(16))}])).toEqual([])
  })
})
