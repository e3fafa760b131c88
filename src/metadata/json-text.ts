/**
 * Parses JSON metadata, turning a syntax error into a MetadataError that names the line and
 * column and says what is most likely wrong (trailing commas and unescaped quotes are what
 * hand-edited catalogue files get wrong most often).
 */
import {MetadataError} from './errors.js'

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

export function lineColumn(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      lineStart = i + 1
    }
  }
  return {line, column: offset - lineStart + 1}
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1
  while (i >= 0 && /\s/.test(text[i])) i--
  return i
}

/** Where the parser stopped, from V8's "... at position N" (or "line L column C" in newer engines). */
function errorOffset(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message)
  if (position) return Number(position[1])
  const lc = /line (\d+) column (\d+)/.exec(message)
  if (lc) {
    const lines = text.split('\n')
    return lines.slice(0, Number(lc[1]) - 1).reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1
  }
  if (/Unexpected end of JSON input/.test(message)) return text.length
  return undefined
}

function explain(text: string, offset: number): {offset: number; message: string; hint: string} {
  const here = text[offset]
  const before = previousNonSpace(text, offset)
  if ((here === '}' || here === ']') && text[before] === ',') {
    return {offset: before, message: `a trailing comma before "${here}"`, hint: 'JSON allows no comma after the last item of a list or object: delete this comma.'}
  }
  // A text value that seems to end and go straight on: a quote inside it was not escaped.
  if (before === offset - 1 && text[before] === '"' && here !== undefined && !/[,:}\]]/.test(here)) {
    return {offset: before, message: 'a double quote inside a text value', hint: 'A quote inside a text value must be written \\" (or removed).'}
  }
  if (here === '"' && text[before] !== ',' && (text[before] === '"' || text[before] === '}' || text[before] === ']' || /[\d\w]/.test(text[before] ?? ''))) {
    return {offset, message: 'a missing comma between two items', hint: 'Put a comma between the item that ends before this point and the next one.'}
  }
  if (offset >= text.length) {
    return {offset: Math.max(0, text.length - 1), message: 'the file ends before the JSON is complete', hint: 'The file may be cut short: check every { and [ is closed.'}
  }
  if (here === "'") return {offset, message: 'a single-quoted string', hint: 'JSON strings and names need double quotes (").'}
  return {offset, message: `an unexpected ${JSON.stringify(here)}`, hint: 'Fix the JSON syntax at this point (a JSON validator or editor will show the exact problem).'}
}

export function parseJsonText(text: string): unknown {
  const source = stripBom(text)
  if (source.trim() === '') throw new MetadataError('The file is empty.', 'syntax', 'Write the metadata into it, or delete it.')
  try {
    return JSON.parse(source)
  } catch (error) {
    const raw = (error as Error).message
    const offset = errorOffset(source, raw)
    if (offset === undefined) throw new MetadataError(`It is not valid JSON (${raw}).`, 'syntax', 'Fix the JSON syntax.')
    const what = explain(source, offset)
    const {line, column} = lineColumn(source, what.offset)
    throw new MetadataError(`It is not valid JSON: ${what.message} at line ${line}, column ${column}.`, 'syntax', what.hint, line, column)
  }
}
