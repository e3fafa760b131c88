/**
 * Remembers, per column, what a check concluded about each distinct value, so a value that
 * repeats (a body name, an expense type, a date) is judged once per chunk rather than once per
 * cell. A column whose values hardly repeat (amounts, transaction numbers) stops being
 * remembered once its memory is full, so it costs neither lookups nor memory after that.
 * Not check state: a cache local to one chunk's hooks, never merged or sent between threads.
 */
const CAPACITY = 4096

interface ColumnCache<V> {
  values: Map<string, V>
  hits: number
  /** False once the cache filled up while hardly ever hit. */
  active: boolean
}

export class ColumnMemo<V> {
  private columns: Array<ColumnCache<V>> = []

  /** @param judge what a value means in a column; never undefined (undefined marks a value not yet judged) */
  constructor(private readonly judge: (value: string, column: number) => V) {}

  get(value: string, column: number): V {
    const cache = (this.columns[column] ??= {values: new Map(), hits: 0, active: true})
    if (!cache.active) return this.judge(value, column)
    const known = cache.values.get(value)
    if (known !== undefined) {
      cache.hits++
      return known
    }
    const verdict = this.judge(value, column)
    if (cache.values.size < CAPACITY) cache.values.set(value, verdict)
    else if (cache.hits < CAPACITY) {
      // Full after CAPACITY distinct values and fewer hits than that: the values do not repeat.
      cache.active = false
      cache.values.clear()
    }
    return verdict
  }
}
