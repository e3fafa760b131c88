/**
 * Keeps the first N findings of one rule (in row order) and an exact count of all of them.
 * Findings can arrive out of row order (from merged chunks), so it sorts before trimming.
 */
import type {FindingInput} from './types.js'

export interface CollectedFindings {
  items: FindingInput[]
  count: number
}

export function compareFindingInputs(a: FindingInput, b: FindingInput): number {
  return (a.rowNumber ?? 0) - (b.rowNumber ?? 0) || (a.fieldNumber ?? 0) - (b.fieldNumber ?? 0) || (a.line ?? 0) - (b.line ?? 0)
}

export class FindingCollector {
  private items: FindingInput[] = []
  private total = 0

  constructor(private readonly cap: number) {}

  /** `more`: findings after this one in row order, counted but not kept (see Report). */
  add(finding: FindingInput, more = 0): void {
    this.total += 1 + more
    this.items.push(finding)
    if (this.items.length >= this.cap * 2 + 16) this.trim()
  }

  addAll(found: CollectedFindings): void {
    for (const item of found.items) this.add(item)
    // Items a chunk dropped beyond its cap are still counted.
    this.total += found.count - found.items.length
  }

  get count(): number {
    return this.total
  }

  private trim(): void {
    this.items.sort(compareFindingInputs)
    if (this.items.length > this.cap) this.items.length = this.cap
  }

  result(): CollectedFindings {
    this.trim()
    return {items: this.items, count: this.total}
  }
}
