/** Shares and labels as the page shows them to a reader who is not a programmer (numbers and counts: src/shared/text.ts). */

/** 0.125 → "12.5%"; tiny shares are not rounded to nothing. */
export function formatShare(share: number): string {
  if (share === 0) return '0%'
  if (share < 0.001) return '<0.1%'
  const pct = share * 100
  return `${pct >= 10 || Number.isInteger(pct) ? Math.round(pct) : pct.toFixed(1)}%`
}

export const SEVERITY_LABELS = {error: 'Error', warning: 'Warning', info: 'Note'} as const
export const SEVERITY_MEANINGS = {error: 'must be fixed before publishing', warning: 'should be fixed', info: 'worth knowing'} as const
