/** Per-column check state of two chunks, merged column by column (either side may lack a column). */
export function mergeByColumn<T>(left: Array<T | undefined>, right: Array<T | undefined>, merge: (l: T | undefined, r: T | undefined) => T | undefined): T[] {
  const width = Math.max(left.length, right.length)
  const columns: T[] = []
  for (let i = 0; i < width; i++) columns[i] = merge(left[i], right[i])!
  return columns
}
