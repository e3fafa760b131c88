import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {fixturesDir, findingsOf, ruleTester} from '../helpers/rule-tester.js'

ruleTester('encoding-error', {
  valid: ['valid.csv'],
  invalid: [
    {
      // Said to be UTF-8; holds a Windows-1252 en dash on line 4 and a £ inside a two-line cell (row 6, line 7).
      file: 'invalid.csv',
      run: {encoding: 'utf-8'},
      findings: [
        {rowNumber: 4, line: 4, fieldNumber: 2, fieldName: 'Description', details: {encoding: 'utf-8', problem: 'byte 0x96 is not valid UTF-8', excerpt: 'N/A \ufffd member claim'}},
        {rowNumber: 6, line: 7, fieldNumber: 2, details: {problem: 'byte 0xA3 is not valid UTF-8', excerpt: 'Postage over \ufffd500'}},
      ],
    },
    {
      // UTF-8 (30 rows with "Café") but for one Windows-1252 é on line 32: UTF-8 with one bad byte, not Windows-1252.
      file: 'utf8-stray-byte.csv',
      findings: [{rowNumber: 32, line: 32, fieldNumber: 2, details: {encoding: 'utf-8', problem: 'byte 0xE9 is not valid UTF-8', excerpt: 'Caf\ufffd Nero'}}],
    },
    {
      // Valid UTF-8 whose text already lost its apostrophes to U+FFFD.
      file: 'damaged.csv',
      findings: [
        {rowNumber: 2, line: 2, fieldNumber: 3, details: {count: 1, excerpt: '…rsight of Department\ufffds local growth'}},
        {rowNumber: 4, line: 4, fieldNumber: 3, details: {count: 2}},
      ],
    },
  ],
})

describe('encoding-error on a file whose first 64 KB are clean UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'odcheck-encoding-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('finds the Windows-1252 byte far down the file, with its row and column', async () => {
    // The £ in the header is UTF-8: the file is UTF-8 from its first bytes.
    const rows = ['Supplier,Description,Amount (£)']
    for (let i = 0; i < 2000; i++) rows.push(`Supplier ${i},Routine service,${(100 + i).toFixed(2)}`)
    const path = join(dir, 'late.csv')
    // Row 2002 (line 2002) carries 0x96, an en dash in Windows-1252.
    writeFileSync(path, Buffer.concat([Buffer.from(rows.join('\n') + '\n'), Buffer.from('Risk Protection,N/A '), Buffer.from([0x96]), Buffer.from(' member,45.00\n')]))
    const {findings} = await findingsOf('encoding-error', '', undefined, {inputs: [path], cwd: dir})
    expect(findings.map((f) => [f.rowNumber, f.line, f.fieldNumber, f.details?.problem])).toEqual([[2002, 2002, 2, 'byte 0x96 is not valid UTF-8']])
    expect(findings[0].details?.encoding).toBe('utf-8')
  })
})

describe('a file whose first 64 KB are plain ASCII', () => {
  const dir = mkdtempSync(join(tmpdir(), 'odcheck-late-encoding-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))
  // 3,000 ASCII rows (over 64 KB), then row 3002 on line 3002.
  const asciiRows = ['Supplier,Description,Amount', ...Array.from({length: 3000}, (_, i) => `Supplier ${i},Routine service,${(100 + i).toFixed(2)}`)].join('\r\n') + '\r\n'
  const write = (name: string, ...parts: Buffer[]) => {
    const path = join(dir, name)
    writeFileSync(path, Buffer.concat([Buffer.from(asciiRows), ...parts]))
    return path
  }

  it('is Windows-1252 when its later bytes are: encoding-not-utf8 points at the first such character, and there is no encoding-error', async () => {
    const path = write('late-1252.csv', Buffer.from('Caf\xe9 Nero,Coffee \xa3 tea,5.00\r\nDone,\x93quoted\x94,1.00\r\n', 'latin1'))
    const notUtf8 = await findingsOf('encoding-not-utf8', '', undefined, {inputs: [path], cwd: dir})
    expect(notUtf8.table.head?.encoding.encoding).toBe('windows-1252')
    expect(notUtf8.findings.map((f) => ({rowNumber: f.rowNumber, line: f.line, fieldNumber: f.fieldNumber, encoding: f.details?.encoding, char: f.details?.char}))).toEqual([
      {rowNumber: 3002, line: 3002, fieldNumber: 1, encoding: 'windows-1252', char: 'é'},
    ])
    const errors = await findingsOf('encoding-error', '', undefined, {inputs: [path], cwd: dir})
    expect(errors.findings).toEqual([])
  })

  it('stays UTF-8 when its later bytes are valid UTF-8, and reports a stray byte after them as an encoding-error', async () => {
    const utf8Rows = Array.from({length: 10}, (_, i) => `Café ${i},Coffee £ tea,5.00\r\n`).join('')
    const path = write('late-utf8.csv', Buffer.from(utf8Rows), Buffer.from('Done,N/A \x96 none,1.00\r\n', 'latin1'))
    const notUtf8 = await findingsOf('encoding-not-utf8', '', undefined, {inputs: [path], cwd: dir})
    expect(notUtf8.table.head?.encoding.encoding).toBe('utf-8')
    expect(notUtf8.findings).toEqual([])
    const errors = await findingsOf('encoding-error', '', undefined, {inputs: [path], cwd: dir})
    expect(errors.findings.map((f) => [f.rowNumber, f.line, f.fieldNumber, f.details?.problem])).toEqual([[3012, 3012, 2, 'byte 0x96 is not valid UTF-8']])
  })
})

ruleTester('encoding-not-utf8', {
  // UTF-8 with and without a BOM; plain ASCII, even when said to be Windows-1252, is valid UTF-8 too.
  valid: ['valid.csv', 'valid-bom.csv', 'ascii.csv', {file: 'ascii.csv', run: {encoding: 'windows-1252'}}, '../encoding-error/utf8-stray-byte.csv'],
  invalid: [
    {
      file: 'windows-1252.csv',
      // Row 2 is plain ASCII; the é of "Café" in row 3 is the first character that differs.
      findings: [{rowNumber: 3, line: 3, fieldNumber: 2, fieldName: 'Supplier Name', details: {encoding: 'windows-1252', source: 'detected', char: 'é', codePoint: 'U+00E9'}}],
    },
    {file: 'utf-16.csv', findings: [{details: {encoding: 'utf-16le', source: 'bom', bom: true}}]},
    // Short Windows-1252 files chardet takes for another Latin code page (ISO-8859-2, Windows-1257, Windows-1254).
    {file: 'irish-names-1252.csv', findings: [{rowNumber: 2, line: 2, fieldNumber: 2, details: {encoding: 'windows-1252', source: 'detected', char: 'á'}}]},
    {file: 'skoda-1252.csv', findings: [{rowNumber: 2, line: 2, fieldNumber: 2, details: {encoding: 'windows-1252', char: 'Š', codePoint: 'U+0160'}}]},
    {file: 'bistro-1252.csv', findings: [{rowNumber: 2, line: 2, fieldNumber: 1, details: {encoding: 'windows-1252', char: 'É'}}]},
    // A non-Latin script stays in its own code page, even when the detector's score is low (Greek).
    {file: 'cyrillic-1251.csv', findings: [{rowNumber: 1, line: 1, fieldNumber: 1, details: {encoding: 'windows-1251', char: 'Г'}}]},
    {file: 'greek-8859-7.csv', findings: [{rowNumber: 1, line: 1, fieldNumber: 1, details: {encoding: 'iso-8859-7', char: 'Π'}}]},
  ],
})

describe('short Windows-1252 files read as Windows-1252', () => {
  it('finds no encoding-error in Škoda and Citroën, which Windows-1257 cannot decode', async () => {
    const {findings, table} = await findingsOf('encoding-error', '../encoding-not-utf8/skoda-1252.csv')
    expect(table.head?.encoding.encoding).toBe('windows-1252')
    expect(findings).toEqual([])
  })
})

describe('encoding fixtures hold the bytes they claim', () => {
  const bytes = (file: string) => readFileSync(join(fixturesDir, 'encoding-not-utf8', file))

  it('windows-1252.csv stores é as the single byte 0xE9 and ’ as 0x92', () => {
    const data = bytes('windows-1252.csv')
    expect(data.includes(Buffer.from('Caf\xe9', 'latin1'))).toBe(true)
    expect(data.includes(0x92)).toBe(true)
    expect(data.includes(Buffer.from('é'))).toBe(false)
  })

  it('the short Windows-1252 fixtures store Š as 0x8A, £ as 0xA3 and € as 0x80', () => {
    expect(bytes('skoda-1252.csv').includes(Buffer.from([0x2c, 0x8a, 0x6b]))).toBe(true)
    expect(bytes('irish-names-1252.csv').includes(Buffer.from([0xa3, 0x36, 0x30]))).toBe(true)
    expect(bytes('bistro-1252.csv').includes(Buffer.from([0x80, 0x31, 0x35]))).toBe(true)
  })

  it('utf-16.csv is UTF-16LE with its byte order mark', () => {
    const data = bytes('utf-16.csv')
    expect([...data.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x57, 0x00])
  })

  it('encoding-error/invalid.csv holds 0x96 and 0xA3 in otherwise plain text', () => {
    const data = readFileSync(join(fixturesDir, 'encoding-error', 'invalid.csv'))
    expect(data.filter((b) => b >= 0x80)).toEqual(Buffer.from([0x96, 0xa3]))
  })
})

ruleTester('lost-characters', {
  // Questions, a lone "?" (a placeholder), "Caf?" at a word's end, web addresses, patterns and codes.
  valid: ['valid.csv'],
  invalid: [
    {
      file: 'invalid.csv',
      findings: [
        // Curly apostrophes and an é (two bytes, two ?) lost inside words; "Is it open? Yes" is a question.
        {rowNumber: 2, line: 2, fieldNumber: 3, fieldName: 'Description', details: {kind: 'word', value: 'Women?s clothing', count: 4, rowNumbers: [2, 4, 5, 7]}},
        // A £ lost before every amount but one: one finding for the column, at its first row.
        {rowNumber: 2, line: 2, fieldNumber: 4, fieldName: 'Amount', details: {kind: 'number', value: '?4,462.50', count: 6, rowNumbers: [2, 3, 4, 5, 6]}},
        {rowNumber: 3, line: 3, fieldNumber: 2, details: {kind: 'word', value: 'Bob?s Ltd', count: 1, rowNumbers: [3]}},
      ],
    },
    {
      file: 'invalid.csv',
      options: {maxRows: 2},
      findings: [{fieldNumber: 3, details: {count: 4, rowNumbers: [2, 4]}}, {fieldNumber: 4, details: {count: 6, rowNumbers: [2, 3]}}, {fieldNumber: 2}],
    },
    // A title row and a column name are reported together, apart from the data's columns.
    {
      file: 'title.csv',
      findings: [
        {rowNumber: 1, line: 1, fieldNumber: 1, details: {kind: 'word', value: 'Council?s spend over 500', count: 2, rowNumbers: [1, 3]}},
        {rowNumber: 4, line: 4, fieldNumber: 3, fieldName: 'Amount', details: {kind: 'number', value: '?12.00', count: 2, rowNumbers: [4, 5]}},
      ],
    },
  ],
})

describe('lost-characters', () => {
  const dir = mkdtempSync(join(tmpdir(), 'odcheck-lost-'))
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('reports a column of 3,000 amounts with a lost £ once, with the exact count', async () => {
    const rows = ['Ref,Amount']
    for (let i = 0; i < 3000; i++) rows.push(`${i},"?${(1000 + i * 7).toLocaleString('en-GB')}.50"`)
    const path = join(dir, 'spend.csv')
    writeFileSync(path, rows.join('\n') + '\n')
    const {findings, count} = await findingsOf('lost-characters', '', undefined, {inputs: [path], cwd: dir})
    expect(count).toBe(1)
    expect(findings.map((f) => [f.rowNumber, f.line, f.fieldNumber, f.details?.count, f.details?.value])).toEqual([[2, 2, 2, 3000, '?1,000.50']])
  })

  it('shows a personal value only masked', async () => {
    const {findings} = await findingsOf('lost-characters', 'personal.csv')
    expect(findings.map((f) => [f.rowNumber, f.fieldNumber])).toEqual([[2, 1], [2, 3]])
    expect(JSON.stringify(findings)).not.toContain('Brien')
    expect(findings[0].details?.value).toBe('S*** O?B***')
    expect(findings[1].details?.value).toBe('Bo?ness')
  })
})
