/**
 * Whether a cell reads as the label of a totals row ("Total", "Grand total:", "Total for
 * 2024/25", "TOTAL SPEND") rather than a name or description that happens to start with the
 * word: "Total Gas & Power Ltd" is a supplier, "Total refurbishment" a piece of work.
 */
import escapeStringRegexp from 'escape-string-regexp'

/** Words that may follow the label and still leave it a label: what was totalled, or how. */
const AGGREGATE_WORDS = new Set([
  'all', 'and', 'amount', 'amounts', 'annual', 'budget', 'cost', 'costs', 'count', 'cumulative', 'due', 'expenditure',
  'gbp', 'gross', 'income', 'items', 'net', 'number', 'overall', 'paid', 'payment', 'payments', 'population', 'records',
  'revenue', 'rows', 'spend', 'spending', 'spent', 'sum', 'transactions', 'value', 'values', 'vat', 'ytd',
])

/** What the label may be followed by whatever comes next: a colon or dash, a bracket, or a qualifier ("for 2024/25"). */
const QUALIFIER = /^(?:[:=\-–—(]|(?:for|of|to|in|by|at|across|over|per|excl|excluding|incl|including)\b)/i
/** Years, amounts and periods: "2024", "2024/25", "£", "Q1". */
const NUMBERISH = /^(?:[\d£$€.,/%()+-]+|q[1-4])$/i

function escape(text: string): string {
  return escapeStringRegexp(text.trim()).replace(/\s+/g, '\\s+')
}

/**
 * A test for cells that are a totals label: one of `labels` (any case) at the start, followed by
 * nothing, a qualifier, or only words that say what was totalled (the aggregate words above or
 * the table's own column labels: "Total households" in a table with a Households column).
 */
export function totalsLabelTest(labels: string[], columnLabels: string[]): (cell: string) => boolean {
  const start = new RegExp(`^(?:${labels.map(escape).join('|')})\\b`, 'i')
  const known = new Set(AGGREGATE_WORDS)
  for (const label of columnLabels) for (const word of label.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word) known.add(word)
  return (cell) => {
    const text = cell.trim()
    const match = start.exec(text)
    if (!match) return false
    const rest = text.slice(match[0].length).trim()
    if (rest === '' || QUALIFIER.test(rest)) return true
    return rest.split(/\s+/).every((word) => NUMBERISH.test(word) || known.has(word.toLowerCase().replace(/[:.,]+$/, '')))
  }
}
