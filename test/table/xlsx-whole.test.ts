/**
 * exceljs's streaming reader now and then loses xl/workbook.xml (exceljs issue #3064) and fails
 * on the first sheet; odcheck then reads the workbook whole, as it does any workbook under
 * WHOLE_WORKBOOK_BYTES. Both ways must give the same sheets, numbers and cells (the whole
 * workbook in tab order).
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {lostWorkbookEntry, readSheets, readWholeWorkbook, type Sheet} from '../../src/table/xlsx.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const workbooks = ['sheet-flag/spend-2023-24.xlsx', 'sheet-flag/moved-tabs.xlsx', 'proprietary-format/car-parks.xlsx', 'stars/2-xlsx/wards.xlsx']

async function collect(sheets: AsyncIterable<Sheet>) {
  const out = []
  for await (const sheet of sheets) {
    const rows = []
    for await (const row of sheet.rows) rows.push(row)
    out.push({name: sheet.name, number: sheet.number, names: sheet.names, rows})
  }
  return out
}

describe('reading a workbook whole', () => {
  it.each(workbooks)('gives the sheets and cells of the streaming reader for %s', async (file) => {
    const path = join(fixturesDir, file)
    const {default: ExcelJS} = await import('exceljs')
    const whole = await collect(readWholeWorkbook(ExcelJS, path))
    expect(whole.length).toBeGreaterThan(0)
    expect(whole.some((sheet) => sheet.rows.length > 1)).toBe(true)
    // In tab order, where the streaming reader goes by the order of the sheets' files (0: stream even a small workbook).
    const streamed = await collect(readSheets(path, file, undefined, 0))
    expect(streamed.sort((a, b) => a.number - b.number)).toEqual(whole)
  })

  it('reads a workbook under WHOLE_WORKBOOK_BYTES whole, never opening the streaming reader', async () => {
    const path = join(fixturesDir, 'sheet-flag/moved-tabs.xlsx')
    const noStreaming = () => {
      throw new Error('the streaming reader was opened')
    }
    const {default: ExcelJS} = await import('exceljs')
    expect(await collect(readSheets(path, 'moved-tabs.xlsx', noStreaming))).toEqual(await collect(readWholeWorkbook(ExcelJS, path)))
    await expect(collect(readSheets(path, 'moved-tabs.xlsx', noStreaming, 0))).rejects.toThrow(/the streaming reader was opened/)
  })

  it("is what a lost workbook entry leads to: exceljs's TypeError on the model's sheets", () => {
    let error: unknown
    try {
      const model = undefined as unknown as {sheets: unknown[]}
      void model.sheets.length
    } catch (e) {
      error = e
    }
    expect(lostWorkbookEntry(error)).toBe(true)
    expect(lostWorkbookEntry(new Error('end of central directory record signature not found'))).toBe(false)
  })

  it('is read whole when the streaming reader loses the workbook entry, and is unreadable for other failures', async () => {
    const path = join(fixturesDir, 'sheet-flag/moved-tabs.xlsx')
    const failing = (message: () => never) => () =>
      ({
        [Symbol.asyncIterator]: () => ({next: async () => message()}),
      }) as never
    const lost = failing(() => {
      const model = undefined as unknown as {sheets: unknown[]}
      return model.sheets as never
    })
    const {default: ExcelJS} = await import('exceljs')
    expect(await collect(readSheets(path, 'moved-tabs.xlsx', lost, 0))).toEqual(await collect(readWholeWorkbook(ExcelJS, path)))
    const broken = failing(() => {
      throw new Error('invalid signature: 0x0')
    })
    await expect(collect(readSheets(path, 'moved-tabs.xlsx', broken, 0))).rejects.toThrow(/moved-tabs\.xlsx cannot be read as an Excel workbook \(invalid signature: 0x0\)/)
  })
})
