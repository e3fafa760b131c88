/**
 * Where a JSON document first breaks, and what a person most likely did: JSON.parse in
 * Node 20 often gives no position ("Unexpected token ']'"), so this scanner walks the text
 * itself and names the line and column of the first error.
 */

export interface JsonSyntaxError {
  /** Offset of the error in the text. */
  offset: number
  /** A comma after the last item or property: the one mistake odcheck reads past. */
  trailingComma: boolean
  line: number
  column: number
  /** What is wrong, in plain words. */
  message: string
  /** What to do about it. */
  hint: string
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly what: string,
    readonly hint: string,
  ) {
    super(what)
  }
}

function lineColumn(text: string, offset: number): {line: number; column: number} {
  let line = 1
  let start = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      start = i + 1
    }
  }
  return {line, column: offset - start + 1}
}

/** Scans `text` as strict JSON; returns the first syntax error, or undefined when there is none. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const space = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++
  }
  const unexpected = (expected: string): never => {
    if (i >= text.length) throw new Stop(Math.max(0, text.length - 1), `the file ends where ${expected} should be`, 'The file may be cut short: check that every { and [ is closed.')
    const ch = text[i]
    if (ch === "'") throw new Stop(i, 'a single-quoted string', 'JSON strings and property names need double quotes (").')
    throw new Stop(i, `${JSON.stringify(ch)} where ${expected} should be`, 'Fix the JSON syntax at this point.')
  }
  const string = () => {
    const start = i
    i++
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        if (!/^(["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(i + 1, i + 6))) throw new Stop(i, 'a backslash that does not start an escape', 'Write a backslash inside a string as \\\\.')
        i += text[i + 1] === 'u' ? 6 : 2
        continue
      }
      if (text.charCodeAt(i) < 0x20) throw new Stop(i, text[i] === '\n' ? 'a line break inside a string (or a string never closed)' : 'a control character inside a string', 'Close the string with " before the end of the line, or write the line break as \\n.')
      i++
    }
    if (i >= text.length) throw new Stop(start, 'a string that is never closed', 'Add the closing double quote.')
    i++
  }
  const value = (depth: number): void => {
    if (depth > 500) throw new Stop(i, 'values nested too deeply', 'Simplify the document.')
    space()
    const ch = text[i]
    if (ch === '{') {
      i++
      space()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        space()
        if (text[i] === '}') throw new Stop(lastComma, 'a trailing comma before "}"', 'JSON allows no comma after the last property of an object: delete this comma.')
        if (text[i] !== '"') unexpected('a property name in double quotes')
        string()
        space()
        if (text[i] !== ':') unexpected('":" after the property name')
        i++
        value(depth + 1)
        space()
        if (text[i] === ',') {
          lastComma = i
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return
        }
        if (text[i] === '"') throw new Stop(i, 'a missing comma between two properties', 'Put a comma after the value that ends before this point.')
        unexpected('"," or "}"')
      }
    }
    if (ch === '[') {
      i++
      space()
      if (text[i] === ']') {
        i++
        return
      }
      for (;;) {
        value(depth + 1)
        space()
        if (text[i] === ',') {
          lastComma = i
          i++
          space()
          if (text[i] === ']') throw new Stop(lastComma, 'a trailing comma before "]"', 'JSON allows no comma after the last item of a list: delete this comma.')
          continue
        }
        if (text[i] === ']') {
          i++
          return
        }
        if (text[i] === '"' || text[i] === '{' || text[i] === '[') throw new Stop(i, 'a missing comma between two items', 'Put a comma after the item that ends before this point.')
        unexpected('"," or "]"')
      }
    }
    if (ch === '"') {
      const start = i
      string()
      // A string that seems to end and go straight on: a quote inside it was not escaped.
      const after = i
      space()
      if (i < text.length && !',:}]'.includes(text[i]) && after === i) throw new Stop(after - 1, 'a double quote inside a text value', `A quote inside a text value must be written \\" (the value starts at column ${lineColumn(text, start).column}).`)
      i = after
      return
    }
    const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400))
    if (!literal) unexpected('a value')
    i += literal![0].length
  }
  let lastComma = 0
  try {
    space()
    if (i >= text.length) throw new Stop(0, 'the file is empty', 'Write the metadata into it, or delete it.')
    value(0)
    space()
    if (i < text.length) throw new Stop(i, 'more text after the end of the JSON document', 'Remove what follows the closing bracket, or wrap both documents in one.')
    return undefined
  } catch (error) {
    if (!(error instanceof Stop)) throw error
    const {line, column} = lineColumn(text, error.offset)
    return {offset: error.offset, trailingComma: error.what.startsWith('a trailing comma'), line, column, message: `It is not valid JSON: ${error.what} at line ${line}, column ${column}.`, hint: error.hint}
  }
}

/**
 * The text with its trailing commas blanked out (offsets, so lines and columns, unchanged),
 * when that is all that is wrong with it; otherwise undefined. Lets odcheck report what the
 * metadata would mean once the commas are deleted, beside the syntax error itself.
 */
export function withoutTrailingCommas(text: string): string | undefined {
  let current = text
  for (let n = 0; n < 1000; n++) {
    const error = findJsonSyntaxError(current)
    if (!error) return n === 0 ? undefined : current
    if (!error.trailingComma) return undefined
    current = current.slice(0, error.offset) + ' ' + current.slice(error.offset + 1)
  }
  return undefined
}

/**
 * JSON.parse, and when that fails the first syntax error in words; when trailing commas are all
 * that is wrong (and `readOn`), also the value the text has without them, and that text (offsets
 * unchanged), so a reader can report the error and still use what the metadata means.
 */
export function parseJsonReadingOn(text: string, readOn: boolean): {value: unknown; text: string; syntax?: JsonSyntaxError} | {syntax?: JsonSyntaxError; error: Error} {
  try {
    return {value: JSON.parse(text), text}
  } catch (error) {
    const syntax = findJsonSyntaxError(text)
    const recovered = readOn && syntax?.trailingComma ? withoutTrailingCommas(text) : undefined
    if (recovered !== undefined) return {value: JSON.parse(recovered), text: recovered, syntax}
    return {syntax, error: error as Error}
  }
}
