/**
 * What a file is by its first bytes when it is a known binary format rather than text, and what
 * to do about it: one table for every reader (delimited tables, JSON, RDF), each naming the kind
 * of text it expected. A file named .zip or .gz never gets here (src/load/archive.ts reads it):
 * these are files whose names hide what they are.
 */

/** The kind of text a reader expected: "tables", "JSON", "RDF". */
export type Expected = 'tables' | 'JSON' | 'RDF'

const SIGNATURES: Array<{start: RegExp; what: (expected: Expected) => string}> = [
  {
    start: /^PK\x03\x04/,
    what: (expected) =>
      expected === 'tables'
        ? 'a ZIP archive (an .xlsx workbook is one): name it .zip (or .xlsx) and odcheck reads what is inside, or export the sheet as CSV.'
        : 'a ZIP archive (a zipped shapefile?): name it .zip and odcheck reads what is inside, or publish the file itself.',
  },
  {start: /^\x1f\x8b/, what: () => 'gzip-compressed, though its name does not end in .gz: add .gz to its name (odcheck reads inside .gz files) and check it again, and publish it under a name that says what it is.'},
  {start: /^BZh[1-9]1AY&SY/, what: (expected) => `bzip2-compressed: odcheck reads ${expected} uncompressed, so decompress it first (bunzip2 -k) and check the file inside.`},
  {start: /^\xfd7zXZ\x00/, what: (expected) => `xz-compressed: odcheck reads ${expected} uncompressed, so decompress it first (unxz -k) and check the file inside.`},
  {start: /^7z\xbc\xaf\x27\x1c/, what: () => 'a 7-Zip archive: extract it, and check the files inside.'},
  {start: /^%PDF/, what: (expected) => (expected === 'tables' ? 'a PDF document: publish the table inside it as CSV.' : `a PDF document, not ${expected}: publish the data itself.`)},
  {start: /^\xd0\xcf\x11\xe0/, what: () => 'an old Excel (.xls) or Word file: export the sheet as CSV.'},
]

/** What the file is and what to do, to follow "<file> is ", or undefined when its first bytes are no format odcheck knows. */
export function binaryFormat(first: Buffer, expected: Expected): string | undefined {
  const head = first.subarray(0, 16).toString('latin1')
  return SIGNATURES.find((s) => s.start.test(head))?.what(expected)
}
