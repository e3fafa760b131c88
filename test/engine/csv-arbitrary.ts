/** fast-check generators of messy CSV text: the things real exports get wrong, mixed together. */
import fc from 'fast-check'

const plain = fc.constantFrom('a', 'b', 'Trafford', 'E08000009', '12.50', '01/04/2024', ' ', '£', 'é', 'x y', '0', '')
const messy = fc.constantFrom('"', '""', ',', ';', '\n', '\r', '\r\n', ' "', '"x', 'x"', 'a"b', '\u0000')

/** One cell as it appears in the file: plain, properly quoted, or with stray quotes. */
function cell(delimiter: string) {
  const content = fc.array(fc.oneof({weight: 3, arbitrary: plain}, {weight: 2, arbitrary: messy}, {weight: 1, arbitrary: fc.constant(delimiter)}), {maxLength: 4}).map((parts) => parts.join(''))
  return fc.oneof(
    {weight: 4, arbitrary: fc.array(plain, {maxLength: 3}).map((p) => p.join(''))},
    {weight: 3, arbitrary: content.map((c) => `"${c.replace(/"/g, '""')}"`)},
    {weight: 2, arbitrary: content},
    {weight: 1, arbitrary: content.map((c) => `"${c}`)},
  )
}

export interface CsvTextOptions {
  delimiter?: string
  maxRows?: number
}

/** Random CSV text: ragged rows, repeated rows, blank lines, CRLF/LF/CR mixed, stray and unclosed quotes. */
export function csvText(options: CsvTextOptions = {}): fc.Arbitrary<string> {
  const delimiter = options.delimiter ?? ','
  const row = fc.array(cell(delimiter), {minLength: 0, maxLength: 5}).map((cells) => cells.join(delimiter))
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
