/**
 * A data package resource's inline `data` as a table of text cells, so it is checked like a
 * file: an array of arrays (the first the header, unless the dialect says there is none), or an
 * array of objects (their keys, in the order first met, are the header). Values become the
 * text a CSV export would hold: numbers as written, true/false, null as an empty cell, objects
 * and arrays as JSON. Each row carries the line of the descriptor it is written on.
 */
import {readFileSync} from 'node:fs'
import {LineCounter, isSeq, parseDocument} from 'yaml'
import {jsonPositions} from '../metadata/csvw/json-positions.js'

export interface InlineTable {
  labels: string[]
  header: boolean
  rows: Array<{cells: string[]; rowNumber: number; line: number}>
  /** Line of the header (or of `data`). */
  headerLine: number
  /** Why the data is not a table, when it is not. */
  problem?: string
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

export function cellOf(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '')
  return JSON.stringify(value)
}

/** Lines of `resources[index].data` and of each of its items in the descriptor; undefined where it cannot tell. */
function itemLines(file: string, index: number, count: number): {data?: number; items: Array<number | undefined>} {
  let text: string
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  } catch {
    return {items: []}
  }
  if (/^\s*[{[]/.test(text)) {
    try {
      const positions = jsonPositions(text)
      const at = `/resources/${index}/data`
      return {data: positions.get(at)?.line, items: Array.from({length: count}, (_, i) => positions.get(`${at}/${i}`)?.line)}
    } catch {
      return {items: []}
    }
  }
  const counter = new LineCounter()
  const doc = parseDocument(text, {lineCounter: counter})
  const data = doc.getIn(['resources', index, 'data'], true)
  if (!isSeq(data)) return {items: []}
  const lineAt = (offset: number | undefined) => (offset === undefined ? undefined : counter.linePos(offset).line)
  return {data: lineAt(data.range?.[0]), items: data.items.map((item) => lineAt((item as {range?: [number]}).range?.[0]))}
}

export function readInlineTable(data: unknown, file: string, index: number, header = true): InlineTable {
  const empty: InlineTable = {labels: [], header, rows: [], headerLine: 1}
  if (!Array.isArray(data)) return {...empty, problem: 'its "data" is not a list of rows'}
  const lines = itemLines(file, index, data.length)
  const lineOf = (i: number) => lines.items[i] ?? lines.data ?? 1
  if (data.length === 0) return {...empty, headerLine: lines.data ?? 1}
  if (data.every(isObject)) {
    const labels: string[] = []
    for (const item of data) for (const key of Object.keys(item)) if (!labels.includes(key)) labels.push(key)
    const rows = data.map((item, i) => ({cells: labels.map((l) => cellOf(item[l])), rowNumber: i + 2, line: lineOf(i)}))
    return {labels, header: true, rows, headerLine: lines.data ?? 1}
  }
  if (data.every(Array.isArray)) {
    const arrays = data as unknown[][]
    const width = Math.max(0, ...arrays.map((a) => a.length))
    const labels = header ? arrays[0].map(cellOf) : Array.from({length: width}, (_, i) => `field${i + 1}`)
    const first = header ? 1 : 0
    const rows = arrays.slice(first).map((a, i) => ({cells: a.map(cellOf), rowNumber: i + first + 1, line: lineOf(i + first)}))
    return {labels, header, rows, headerLine: header ? lineOf(0) : (lines.data ?? 1)}
  }
  return {...empty, headerLine: lines.data ?? 1, problem: 'its "data" mixes rows of different kinds: give a list of lists (the first the header) or a list of objects'}
}
