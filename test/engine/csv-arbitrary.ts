/** fast-check generators of messy CSV text: the things real exports get wrong, mixed together. */
import fc from 'fast-check'

const plain = fc.constantFrom('a', 'b', 'Trafford', 'E08000009', '12.50', '01/04/2024', ' ', '£', 'é', 'x y', '0', '')
const messy = fc.constantFrom('"', '""', ',', ';', '\n', '\r', '\r\n', ' "', '"x', 'x"', 'a"b', '\u0000')
/** What a backslash escape (CSVW doubleQuote: false) adds to a messy export: escapes of quotes, of themselves, of breaks, and stray ones. */
const messyEscapes = fc.constantFrom('\\', '\\"', '\\\\', '\\\n', '\\\r\n', 'a\\b', '\\,', "'", "\\'", '"\\')

/** One cell as it appears in the file: plain, properly quoted, or with stray quotes. */
function cell(delimiter: string, escape: string) {
  const parts = [{weight: 3, arbitrary: plain}, {weight: 2, arbitrary: messy}, {weight: 1, arbitrary: fc.constant(delimiter)}]
  if (escape !== '"') parts.push({weight: 2, arbitrary: messyEscapes})
  const content = fc.array(fc.oneof(...parts), {maxLength: 4}).map((p) => p.join(''))
  // Quoted as a writer using this escape would: doubled quotes, or the escape before quotes and escapes.
  const quoted = escape === '"' ? (c: string) => `"${c.replace(/"/g, '""')}"` : (c: string) => `"${c.replace(/["\\]/g, (m) => `\\${m}`)}"`
  return fc.oneof(
    {weight: 4, arbitrary: fc.array(plain, {maxLength: 3}).map((p) => p.join(''))},
    {weight: 3, arbitrary: content.map(quoted)},
    {weight: 2, arbitrary: content},
    {weight: 1, arbitrary: content.map((c) => `"${c}`)},
  )
}

export interface CsvTextOptions {
  delimiter?: string
  maxRows?: number
  /** The escape the text is written with: `"` (doubled quotes, the default) or `\\`. */
  escape?: string
}

/** Random CSV text: ragged rows, repeated rows, blank lines, CRLF/LF/CR mixed, stray and unclosed quotes. */
export function csvText(options: CsvTextOptions = {}): fc.Arbitrary<string> {
  const delimiter = options.delimiter ?? ','
  const row = fc.array(cell(delimiter, options.escape ?? '"'), {minLength: 0, maxLength: 5}).map((cells) => cells.join(delimiter))
  const terminator = fc.constantFrom('\n', '\r\n', '\r', '\r\n', '\n')
  const line = fc.tuple(row, terminator).map(([r, t]) => r + t)
  return fc
    .tuple(
      fc.array(fc.oneof({weight: 6, arbitrary: line}, {weight: 1, arbitrary: terminator}), {maxLength: options.maxRows ?? 12}),
      fc.array(fc.nat(), {maxLength: 3}),
      fc.boolean(),
    )
    .map(([lines, repeats, dropLast]) => {
      // Repeat some rows exactly, as botched exports do.
      for (const r of repeats) if (lines.length) lines.push(lines[r % lines.length])
      let text = lines.join('')
      if (dropLast) text = text.replace(/(\r\n|\r|\n)$/, '')
      return text
    })
}
