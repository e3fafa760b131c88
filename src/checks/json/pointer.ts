/** JSON Pointers (RFC 6901): the value one names, and how a message names it. */

export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The value at `pointer` in `document`, or undefined when there is none. */
export function valueAt(document: unknown, pointer: string): unknown {
  let value = document
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(value)) value = /^(0|[1-9]\d*)$/.test(segment) ? value[Number(segment)] : undefined
    else if (typeof value === 'object' && value !== null) value = Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined
    else return undefined
  }
  return value
}

/** `/features/3/properties/kW` as it is; the empty pointer (the whole document) in words. */
export function describePointer(pointer: string): string {
  return pointer === '' ? 'The document' : pointer
}
