/**
 * totalsLabelTest (src/checks/structure/totals-label.ts): a cell opening with Total is a totals
 * label only when what follows says what was totalled or qualifies it, not when it is a name.
 */
import {describe, expect, it} from 'vitest'
import {totalsLabelTest} from '../../../src/checks/structure/totals-label.js'

const labels = ['Total', 'Totals', 'Grand total', 'Sub total', 'Subtotal', 'Sub-total', 'Sum', 'Overall total']

describe('totalsLabelTest', () => {
  const isLabel = totalsLabelTest(labels, ['Ward', 'Population', 'Households'])

  it('takes labels alone, with a colon, a qualifier, a period or what was totalled', () => {
    for (const cell of ['Total', 'TOTAL:', 'Totals', 'Grand total', 'Grand Total:', 'Sub-total', 'Subtotal - Highways', 'Sum:', 'Total for 2024/25', 'Total 2024/25', 'TOTAL SPEND', 'Total (excl. VAT)', 'Total of payments', 'Total households', 'Total £', ' total ']) {
      expect(isLabel(cell), cell).toBe(true)
    }
  })

  it('does not take names and descriptions that open with the word', () => {
    for (const cell of ['Total Gas & Power Ltd', 'Total Gas & Power', 'TOTAL UK LTD', 'Total refurbishment', 'Totally Local Company', 'Total Fitness', 'Summit Roofing', 'Sum Insured', 'Insurance claim - vehicle total loss', 'Subtotals Ltd', '']) {
      expect(isLabel(cell), cell).toBe(false)
    }
  })
})
