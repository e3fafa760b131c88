/**
 * Which character quotes values: `"` unless fields are wrapped in `'` instead
 * (`1,'Smith, J','x'`), as some exports write them.
 */
const SAMPLE_LINES = 60
/** Share of non-blank lines that must hold a field wrapped in `'`. */
const WRAPPED_SHARE = 0.5

function escapeForClass(chars: string[]): string {
  return chars.map((c) => (c === '\t' ? '\\t' : '\\' + c)).join('')
}

/** A field wrapped whole in `quote`: the quote right after a delimiter or the line start, its partner right before a delimiter or the line end. */
function wrappedField(quote: string, delimiters: string[]): RegExp {
  const d = escapeForClass(delimiters)
  const q = '\\' + quote
  return new RegExp(`(?:^|[${d}])${q}(?:[^${q}]|${q}${q})*${q}(?=[${d}]|$)`)
}

/**
 * `'` when most lines hold a field wrapped in it and no line holds one wrapped in `"`; else `"`.
 * An apostrophe inside a word (O'Brien, Women's, St John's) neither opens nor closes a field.
 */
export function sniffQuoteChar(text: string, delimiters: readonly string[]): string {
  const lines = text.split(/\r\n|\n|\r/, SAMPLE_LINES).filter((l) => l.trim() !== '')
  if (lines.length === 0 || !text.includes("'")) return '"'
  const double = wrappedField('"', [...delimiters])
  // A `"` opening a field anywhere: the file quotes with `"`, whatever else it holds.
  const opensDouble = new RegExp(`(?:^|[${escapeForClass([...delimiters])}])"`)
  if (lines.some((l) => double.test(l) || opensDouble.test(l))) return '"'
  const single = wrappedField("'", [...delimiters])
  return lines.filter((l) => single.test(l)).length > lines.length * WRAPPED_SHARE ? "'" : '"'
}
