/**
 * Numbers, counted words and lists as odcheck writes them for people, in messages and every
 * human-readable report: "19,318 rows", "1 file", "rows 3–10", "a.csv, b.csv and 4 more".
 * Below every layer of the pipeline: each may use it.
 */

/** 12345.678 → "12,345.68"; whole numbers get no decimals. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const abs = Math.abs(n)
  const digits = Number.isInteger(n) ? 0 : abs >= 100 ? 2 : abs >= 1 ? 3 : 4
  const fixed = abs.toFixed(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')
  const [whole, fraction] = fixed.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

/** "1 row", "19,318 rows"; `words` for a plural that is not the word and an s. */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : words}`
}

/** Ranges named by `ranges`; the rest are counted. */
const MAX_RANGES = 5

/** `3–4, 6, 27–30 and 12 more`: numbers in order, consecutive ones as ranges. */
export function ranges(numbers: number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const spans: Array<[number, number]> = []
  for (const n of sorted) {
    const last = spans.at(-1)
    if (last && n === last[1] + 1) last[1] = n
    else spans.push([n, n])
  }
  const shown = spans.slice(0, MAX_RANGES).map(([a, b]) => (a === b ? String(a) : `${a}–${b}`))
  const left = spans.slice(MAX_RANGES).reduce((n, [a, b]) => n + b - a + 1, 0)
  return left > 0 ? `${shown.join(', ')} and ${formatNumber(left)} more` : shown.join(', ')
}

/** `a, b, c and 4 more`: the first `max` items, and how many are left. */
export function listSome(items: readonly string[], max: number): string {
  return items.length > max ? `${items.slice(0, max).join(', ')} and ${formatNumber(items.length - max)} more` : items.join(', ')
}

const MB = 1024 * 1024

/** 524288000 → "500 MB", for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB) return `${+(bytes / 1024 / MB).toFixed(1)} GB`
  if (bytes >= MB) return `${+(bytes / MB).toFixed(1)} MB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`
  return `${bytes} bytes`
}
