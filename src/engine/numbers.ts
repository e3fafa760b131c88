/** Numbers and counted words as finding messages and every human-readable report write them: "19,318 rows", "1 file". */

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
