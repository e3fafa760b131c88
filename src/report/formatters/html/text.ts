/** Numbers and words as the page shows them to a reader who is not a programmer. */

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

/** 0.125 → "12.5%"; tiny shares are not rounded to nothing. */
export function formatShare(share: number): string {
  if (share === 0) return '0%'
  if (share < 0.001) return '<0.1%'
  const pct = share * 100
  return `${pct >= 10 || Number.isInteger(pct) ? Math.round(pct) : pct.toFixed(1)}%`
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : words}`
}

export const SEVERITY_LABELS = {error: 'Error', warning: 'Warning', info: 'Note'} as const
export const SEVERITY_MEANINGS = {error: 'must be fixed before publishing', warning: 'should be fixed', info: 'worth knowing'} as const
