/**
 * Writes a deterministic council spend CSV (the "spend over £500" file every English council
 * publishes): 10 columns, dd/mm/yyyy dates, amounts, quoted supplier names with commas, GSS codes.
 * Same seed and row count give the same bytes, so timings are comparable between runs.
 */
import {createWriteStream} from 'node:fs'
import {mkdir, rename, stat} from 'node:fs/promises'
import {dirname} from 'node:path'
import {once} from 'node:events'

/** mulberry32: small, fast, deterministic. */
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COUNCILS = [
  ['Birmingham City Council', 'E08000025'],
  ['Wirral Council', 'E08000015'],
  ['Trafford Council', 'E08000009'],
  ['Leeds City Council', 'E08000035'],
  ['Bury Council', 'E08000002'],
]
const SUPPLIERS = [
  'Smith, Jones & Partners Ltd',
  'Acme Facilities Ltd',
  'Highways, Lighting and Signs',
  'Veolia ES (UK) Limited',
  'Capita Business Services Ltd',
  'The "Green" Grounds Company, Ltd',
  'Redacted - Personal Data',
  'Morgan Sindall Ltd',
  "O'Brien, Walsh and Daughters",
  'Amey Community Ltd',
  'Brook Street (UK) Ltd',
  'Hays Specialist Recruitment Ltd',
]
const AREAS = ['Adult Care', "Children's Services", 'Highways', 'Waste', 'Housing', 'Libraries, Arts', 'Resources']
const TYPES = ['Agency Staff', 'Repairs', 'Consultancy', 'Equipment', 'Grants', 'Fees', 'Rents', 'Software']
const HEADER = 'Body Name,Body,Payment Date,Transaction Number,Net Amount,Supplier Name,Expense Area,Expense Type,Service Code,VAT Reg No\r\n'

function quote(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

const pad = (n) => (n < 10 ? '0' : '') + n

function row(rand, i) {
  const [council, gss] = COUNCILS[Math.floor(rand() * COUNCILS.length)]
  const day = 1 + Math.floor(rand() * 28)
  const month = 1 + Math.floor(rand() * 12)
  const year = 2019 + Math.floor(rand() * 6)
  const pence = Math.floor(rand() * 5_000_000) - 50_000
  const amount = (pence / 100).toFixed(2)
  const supplier = SUPPLIERS[Math.floor(rand() * SUPPLIERS.length)]
  const area = AREAS[Math.floor(rand() * AREAS.length)]
  const type = TYPES[Math.floor(rand() * TYPES.length)]
  const service = `SC${String(1000 + Math.floor(rand() * 9000))}`
  const vat = rand() < 0.3 ? '' : `GB${String(100000000 + Math.floor(rand() * 899999999))}`
  return `${quote(council)},${gss},${pad(day)}/${pad(month)}/${year},TX${String(10_000_000 + i)},${amount},${quote(supplier)},${quote(area)},${type},${service},${vat}\r\n`
}

/**
 * Writes `header` and then `text(rand, i)` for i from 0 to count - 1 to `path` (through a
 * .partial file), unless a file of that name already exists; `rand` is seeded, so the same
 * arguments always give the same bytes.
 */
export async function writeOnce(path, count, text, {header = '', seed = 20240401} = {}) {
  try {
    const s = await stat(path)
    if (s.size > 0) return {path, bytes: s.size, created: false}
  } catch {}
  await mkdir(dirname(path), {recursive: true})
  const partial = `${path}.partial`
  const out = createWriteStream(partial)
  const rand = random(seed)
  out.write(header)
  let batch = ''
  for (let i = 0; i < count; i++) {
    batch += text(rand, i)
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain')
      batch = ''
    }
  }
  out.end(batch)
  await once(out, 'finish')
  await rename(partial, path)
  const s = await stat(path)
  return {path, bytes: s.size, created: true}
}

/** Writes `rows` data rows to `path` unless a file of that name already exists. */
export function generate(path, rows, seed = 20240401) {
  return writeOnce(path, rows, row, {header: HEADER, seed})
}
