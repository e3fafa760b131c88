/** The sniffer finds the real header below title rows, long preambles and in padded exports (src/table/dialect.ts). */
import {describe, expect, it} from 'vitest'
import {sniffDialect} from '../../src/table/dialect.js'

function spend(rows: number, pad = 0): string {
  const extra = ','.repeat(pad)
  const lines = [`Date,Supplier,Service,Amount${extra}`]
  for (let i = 0; i < rows; i++) lines.push(`0${(i % 9) + 1}/09/2025,Supplier ${i},Highways,${100 + i}.50${extra}`)
  return lines.join('\n') + '\n'
}

describe('finding the header', () => {
  it('takes the first row of a plain table as its header', () => {
    const {dialect, records} = sniffDialect(spend(30), true)
    expect(dialect).toMatchObject({delimiter: ',', header: true, skipRows: 0})
    expect(records[0].cells[0]).toBe('Date')
  })

  it('skips a title, a date line and a blank line above the header', () => {
    const text = 'Trafford Council Spend September 2025,,,\nPublished 1 October 2025,,,\n,,,\n' + spend(30)
    const {dialect, records} = sniffDialect(text, true)
    expect(dialect.skipRows).toBe(3)
    expect(records[3].cells).toEqual(['Date', 'Supplier', 'Service', 'Amount'])
    expect(records[3].line).toBe(4)
  })

  it('keeps the header of an export padded with empty columns (24 of 28 unused)', () => {
    // Every row is 28 cells wide, but only 4 hold values: the header fills all the used ones.
    const {dialect} = sniffDialect(spend(40, 24), true)
    expect(dialect.skipRows).toBe(0)
    expect(dialect.header).toBe(true)
  })

  it('finds a header below a two-column table of 70 lines pasted above the data', () => {
    const examples = Array.from({length: 70}, (_, i) => `Category ${i},Example of expenditure ${i}`).join('\n')
    const text = `EXAMPLES OF CARD EXPENDITURE,\n\n${examples}\n\nCARD TRANSACTIONS FOR SEPTEMBER 2025,,,,\n\n` + spend(200).replace(/^Date/, 'Ref,Date').replace(/\n0/g, '\nGPC1,0')
    const {dialect, records} = sniffDialect(text, true)
    expect(records[dialect.skipRows].cells.slice(0, 2)).toEqual(['Ref', 'Date'])
    expect(dialect.skipRows).toBe(75)
  })

  it('does not take sparse data rows for title rows when the header is full', () => {
    const lines = ['Ward,Code,Population,Area,Notes']
    for (let i = 0; i < 30; i++) lines.push(`Ward ${i},,,,`)
    lines.push('Altrincham,E05000819,11765,3.2,')
    const {dialect} = sniffDialect(lines.join('\n') + '\n', true)
    expect(dialect.skipRows).toBe(0)
  })
})

describe('choosing the delimiter', () => {
  function rows(header: string, row: (i: number) => string, count = 40): string {
    return [header, ...Array.from({length: count}, (_, i) => row(i))].join('\n') + '\n'
  }

  it('keeps a five-column comma split with two ragged rows over a regular two-column semicolon split', () => {
    const text = rows('Date,Supplier,Description,Amount,Ward', (i) => `01/04/2024,${i === 3 || i === 30 ? 'Smith, J & Sons' : 'Acme Ltd'},Repairs; materials,${100 + i}.00,E05000650`)
    expect(sniffDialect(text, true).dialect.delimiter).toBe(',')
  })

  it('reads a semicolon file with decimal commas as semicolon-separated', () => {
    const text = rows('Datum;Menge;Preis;Summe', (i) => `0${(i % 9) + 1}.01.2024;${i},5;2,30;3,45`)
    expect(sniffDialect(text, true).dialect).toMatchObject({delimiter: ';', header: true})
  })

  it('reads a semicolon file as such when a text column holds a comma in every row too', () => {
    const text = rows('Datum;Name;Menge;Preis;Summe', (i) => `0${(i % 9) + 1}.01.2024;Müller, Hans;${i},5;2,30;3,45`)
    expect(sniffDialect(text, true).dialect.delimiter).toBe(';')
  })

  it('reads a tab file whose addresses hold commas as tab-separated', () => {
    const text = rows('Name\tAddress', (i) => `Site ${i}\t${i} High St, ${i % 3 ? 'Sale, ' : ''}M33 ${i}AB`)
    expect(sniffDialect(text, true).dialect.delimiter).toBe('\t')
  })
})

describe('choosing the quote character', () => {
  it("reads fields wrapped in ' with ' as the quote, doubled to escape it", () => {
    const lines = ['id,name,note', "1,'Smith, J','x'", "2,'O''Brien, P','y'", ...Array.from({length: 20}, (_, i) => `${i + 3},'Supplier ${i}, Ltd','z'`)]
    const {dialect, records} = sniffDialect(lines.join('\n') + '\n', true)
    expect(dialect).toMatchObject({delimiter: ',', quoteChar: "'", escapeChar: "'", header: true})
    expect(records[1].cells).toEqual(['1', 'Smith, J', 'x'])
    expect(records[2].cells).toEqual(['2', "O'Brien, P", 'y'])
  })

  it('keeps " when apostrophes sit inside words (O\'Brien, Women\'s, St John\'s, Governors\')', () => {
    const names = ["O'Brien", "Women's Institute", "St John's", "Governors' fund", "'Tis the season"]
    const lines = ['id,name,amount', ...Array.from({length: 20}, (_, i) => `${i + 1},${names[i % names.length]},${i}.50`)]
    expect(sniffDialect(lines.join('\n') + '\n', true).dialect.quoteChar).toBe('"')
  })

  it("keeps \" when values are quoted with it, whatever ' wraps as well", () => {
    const lines = ['id,name,note', ...Array.from({length: 20}, (_, i) => `${i + 1},${i === 0 ? '"Smith, J"' : 'Acme'},'x'`)]
    expect(sniffDialect(lines.join('\n') + '\n', true).dialect).toMatchObject({quoteChar: '"'})
  })

  it("finds ' around fields split by a delimiter that was given", () => {
    const lines = ['id;name', ...Array.from({length: 10}, (_, i) => `${i};'Smith; J'`)]
    const {dialect, records} = sniffDialect(lines.join('\n') + '\n', true, {delimiter: ';'})
    expect(dialect.quoteChar).toBe("'")
    expect(records[1].cells).toEqual(['0', 'Smith; J'])
  })
})
