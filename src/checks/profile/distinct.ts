/**
 * Distinct values of a column in bounded memory: exact (a set of 53-bit hashes) up to
 * DISTINCT_EXACT_CAP values, then a HyperLogLog sketch (about 1.6% error). Both are functions
 * of the set of values seen, never of their order, so merging chunk states gives exactly what
 * one pass over the whole column gives.
 */

export const DISTINCT_EXACT_CAP = 1000
/** 2^12 registers: 4 KB per column once a column has more than the cap. */
const HLL_BITS = 12
const HLL_SIZE = 1 << HLL_BITS

export interface DistinctState {
  /** Hashes of the values while there are at most DISTINCT_EXACT_CAP; null once over it. */
  exact: Set<number> | null
  /** HyperLogLog registers, once the exact set overflowed. */
  registers: Uint8Array | null
}

/** cyrb53 (public domain, bryc): two 32-bit lanes, cheap and well mixed. */
function hashLanes(text: string): [number, number] {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507)
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507)
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return [h1 >>> 0, h2 >>> 0]
}

/** A 53-bit hash as a plain number (safe integer), so a Set compares it by value. */
export function hashValue(text: string): number {
  const [h1, h2] = hashLanes(text)
  return (h2 & 0x1fffff) * 4294967296 + h1
}

export function newDistinct(): DistinctState {
  return {exact: new Set(), registers: null}
}

function addToRegisters(registers: Uint8Array, hash: number): void {
  const low = hash % 4294967296
  const high = Math.floor(hash / 4294967296)
  const index = low & (HLL_SIZE - 1)
  // Rank from the 41 bits left: the remaining 20 low bits, then the 21 high bits.
  const rest = (low >>> HLL_BITS) | (high << 20)
  const rank = rest === 0 ? 33 : Math.clz32(rest) + 1
  if (rank > registers[index]) registers[index] = rank
}

function toRegisters(hashes: Iterable<number>): Uint8Array {
  const registers = new Uint8Array(HLL_SIZE)
  for (const hash of hashes) addToRegisters(registers, hash)
  return registers
}

export function addDistinct(state: DistinctState, hash: number): void {
  if (state.exact) {
    state.exact.add(hash)
    if (state.exact.size > DISTINCT_EXACT_CAP) {
      state.registers = toRegisters(state.exact)
      state.exact = null
    }
  } else addToRegisters(state.registers!, hash)
}

export function mergeDistinct(left: DistinctState, right: DistinctState): DistinctState {
  if (left.exact && right.exact) {
    const exact = new Set(left.exact)
    for (const hash of right.exact) exact.add(hash)
    return exact.size > DISTINCT_EXACT_CAP ? {exact: null, registers: toRegisters(exact)} : {exact, registers: null}
  }
  const registers = left.registers ? Uint8Array.from(left.registers) : toRegisters(left.exact!)
  const other = right.registers ?? toRegisters(right.exact!)
  for (let i = 0; i < HLL_SIZE; i++) if (other[i] > registers[i]) registers[i] = other[i]
  return {exact: null, registers}
}

/** The count, and whether it is exact. An estimate is never below the cap it overflowed. */
export function distinctCount(state: DistinctState): {count: number; exact: boolean} {
  if (state.exact) return {count: state.exact.size, exact: true}
  const registers = state.registers!
  let sum = 0
  let zeros = 0
  for (let i = 0; i < HLL_SIZE; i++) {
    sum += 2 ** -registers[i]
    if (registers[i] === 0) zeros++
  }
  const alpha = 0.7213 / (1 + 1.079 / HLL_SIZE)
  let estimate = (alpha * HLL_SIZE * HLL_SIZE) / sum
  // Linear counting is the better estimate while many registers are still empty.
  if (estimate <= 2.5 * HLL_SIZE && zeros > 0) estimate = HLL_SIZE * Math.log(HLL_SIZE / zeros)
  return {count: Math.max(DISTINCT_EXACT_CAP + 1, Math.round(estimate)), exact: false}
}
