/**
 * Memory a chunk's result can hand to the main thread instead of copying it: buffers a check
 * marked as its state's own (key tables of a million hashes, for one) with `movable`. Moved
 * rather than cloned, they reach the main thread without a copy or fresh pages. Only marked
 * buffers move: a typed array a module keeps between chunks (a scratch array) must stay usable.
 */
const marked = new WeakSet<ArrayBuffer>()

/** Marks a typed array's buffer as belonging to one chunk's state only, free to move to the main thread with it. */
export function movable<T extends ArrayBufferView>(view: T): T {
  if (view.buffer instanceof ArrayBuffer) marked.add(view.buffer)
  return view
}

const MAX_DEPTH = 8

/** The marked buffers anywhere in a chunk's states, once each. */
export function transferables(value: unknown): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>()
  const seen = new Set<object>()
  const visit = (v: unknown, depth: number): void => {
    if (typeof v !== 'object' || v === null || depth > MAX_DEPTH || seen.has(v)) return
    seen.add(v)
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer && marked.has(v.buffer)) found.add(v.buffer)
      return
    }
    if (v instanceof Map) {
      for (const item of v.values()) visit(item, depth + 1)
      return
    }
    if (v instanceof Set) {
      for (const item of v) visit(item, depth + 1)
      return
    }
    for (const item of Array.isArray(v) ? v : Object.values(v)) visit(item, depth + 1)
  }
  visit(value, 0)
  return [...found]
}
