/**
 * dateFormat (src/checks/values/date-format.ts) names the format a date is written in, so that
 * inconsistent-values can tell a column of 2024-04-01 and 01/04/2024 from a column of one format.
 */
import {describe, expect, it} from 'vitest'
import {dateFormat} from '../../../src/checks/values/date-format.js'

describe('dateFormat', () => {
  it.each([
    ['2024-04-01', 'yyyy-mm-dd'],
    ['2024-4-1', 'yyyy-mm-dd'],
    ['2024-04-01T09:30:00Z', 'yyyy-mm-dd'],
    ['01/04/2024', 'dd/mm/yyyy'],
    ['1/4/2024', 'dd/mm/yyyy'],
    ['01/04/2024 09:30', 'dd/mm/yyyy'],
    ['01/04/24', 'dd/mm/yy'],
    ['01-04-2024', 'dd-mm-yyyy'],
    ['01.04.2024', 'dd.mm.yyyy'],
    ['2024/04/01', 'yyyy/mm/dd'],
    ['1-Apr-2024', 'd-mmm-yyyy'],
    ['1 April 2024', 'd mmm yyyy'],
    ['1st April 2024', 'dth mmm yyyy'],
    ['April 1, 2024', 'mmm d, yyyy'],
    ['Sep-14', 'mmm-yy'],
  ])('%s is written %s', (value, format) => {
    expect(dateFormat(value)).toBe(format)
  })

  it('names no format for values that are not dates', () => {
    for (const value of ['12', 'Sale', '09:30', '0161 912 1000']) expect(dateFormat(value), value).toBeUndefined()
  })
})
