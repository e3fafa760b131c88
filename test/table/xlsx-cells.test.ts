import {describe, expect, it} from 'vitest'
import {cellText} from '../../src/table/xlsx.js'

describe('spreadsheet cells as text', () => {
  it.each([
    [new Date(Date.UTC(2025, 8, 1)), '2025-09-01'],
    [new Date(Date.UTC(2025, 8, 1, 14, 30, 5)), '2025-09-01T14:30:05'],
    [1234.5, '1234.5'],
    [true, 'TRUE'],
    [{formula: 'C3*2', result: 2469}, '2469'],
    [{error: '#DIV/0!'}, '#DIV/0!'],
    [{formula: 'A1/0', result: {error: '#DIV/0!'}}, '#DIV/0!'],
    [{richText: [{text: 'Amey '}, {text: 'LG Ltd'}]}, 'Amey LG Ltd'],
    [{text: 'Trafford Council', hyperlink: 'https://www.trafford.gov.uk'}, 'Trafford Council'],
    [null, ''],
  ])('%j is read as %j', (value, text) => {
    expect(cellText(value)).toBe(text)
  })
})
