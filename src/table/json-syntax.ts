/**
 * Where JSON text first breaks the grammar (RFC 8259), and what most likely went wrong, for
 * a data file JSON.parse refused: V8 does not always say where (a trailing comma in an array,
 * the commonest error in hand-edited data, gives no position). Iterative, so deep nesting
 * cannot overflow the stack; run only after JSON.parse has failed.
 */

export interface JsonSyntaxError {
  offset: number
  /** What is wrong there, in a few words: `a trailing comma before "]"`. */
  what: string
  hint: string
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const WORD = /[A-Za-z_$][\w$]*/y
const SPACE = new Set([32, 9, 10, 13])

type State = 'value' | 'key' | 'after'

export function findSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length
  const stack: string[] = []
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let state: State = 'value'

  const skipSpace = () => {
    while (i < n && SPACE.has(text.charCodeAt(i))) i++
  }
  const previousComma = (): number | undefined => {
    let j = i - 1
    while (j >= 0 && SPACE.has(text.charCodeAt(j))) j--
    return text[j] === ',' ? j : undefined
  }
  const word = (): string | undefined => {
    WORD.lastIndex = i
    return WORD.exec(text)?.[0]
  }
  /** Scans a string from its opening quote; an error, or undefined with `i` after the closing quote. */
  const string = (): JsonSyntaxError | undefined => {
    const start = i
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c === 34) {
        i++
        return undefined
      }
      if (c === 92) {
        const escape = text[i + 1]
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5
        else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) i++
        else return {offset: i, what: `an unknown escape "\\${escape ?? ''}" in a text value`, hint: 'Inside a text value, write a backslash as \\\\ (and a quote as \\").'}
      } else if (c < 0x20) {
        return {offset: i, what: c === 10 || c === 13 ? 'a line break inside a text value' : 'a control character inside a text value', hint: 'Text values cannot span lines: write a line break as \\n, or close the quote that was left open.'}
      }
    }
    return {offset: start, what: 'a text value that is never closed', hint: 'Close the quote, or escape a quote inside the text as \\".'}
  }
  const unexpected = (expecting: string): JsonSyntaxError => {
    if (i >= n) return {offset: Math.max(0, n - 1), what: 'the file ends before the JSON is complete', hint: 'The file may be cut short: check every { and [ is closed.'}
    const here = text[i]
    const comma = previousComma()
    if ((here === ']' || here === '}') && comma !== undefined) return {offset: comma, what: `a trailing comma before "${here}"`, hint: 'JSON allows no comma after the last item of a list or object: delete this comma.'}
    if (here === "'") return {offset: i, what: 'a single-quoted text value', hint: 'JSON strings and names need double quotes (").'}
    if (here === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return {offset: i, what: 'a comment', hint: 'JSON has no comments: delete it.'}
    const name = word()
    if (name && expecting === 'a property name') return {offset: i, what: `the unquoted property name ${name}`, hint: `Put property names in double quotes: "${name}".`}
    if (name) return {offset: i, what: `${name}, which is not a JSON value`, hint: 'JSON values are numbers, "text", true, false, null, lists and objects; write a missing value as null.'}
    return {offset: i, what: `an unexpected ${JSON.stringify(here)} where ${expecting} belongs`, hint: 'Fix the JSON syntax at this point (a JSON validator or editor will show the exact problem).'}
  }

  for (;;) {
    skipSpace()
    if (state === 'value') {
      const c = text[i]
      if (c === '{' || c === '[') {
        stack.push(c)
        i++
        skipSpace()
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop()
          i++
          state = 'after'
        } else state = c === '{' ? 'key' : 'value'
        continue
      }
      if (c === '"') {
        const error = string()
        if (error) return error
        state = 'after'
        continue
      }
      NUMBER.lastIndex = i
      const number = NUMBER.exec(text)?.[0]
      const literal = ['true', 'false', 'null'].find((w) => text.startsWith(w, i) && word() === w)
      if (number || literal) {
        i += (number ?? literal)!.length
        state = 'after'
        continue
      }
      return unexpected('a value')
    }
    if (state === 'key') {
      if (text[i] !== '"') return unexpected('a property name')
      const error = string()
      if (error) return error
      skipSpace()
      if (text[i] !== ':') return {offset: i, what: 'a property name not followed by a colon', hint: 'Write a colon between a property name and its value: "name": value.'}
      i++
      state = 'value'
      continue
    }
    // After a value: a comma, the end of the enclosing list or object, or the end of the text.
    const top = stack[stack.length - 1]
    if (top === undefined) {
      if (i >= n) return undefined
      if (text[i] === '/') return unexpected('the end of the text')
      return {offset: i, what: 'more text after the end of the JSON', hint: 'A JSON file holds one value: for several records (newline-delimited JSON), put them in a list [ ... ] separated by commas.'}
    }
    const c = text[i]
    if (c === ',') {
      i++
      state = top === '{' ? 'key' : 'value'
    } else if (c === (top === '{' ? '}' : ']')) {
      stack.pop()
      i++
    } else if (c !== undefined && /["{[\d\-tfn]/.test(c)) {
      return {offset: i, what: 'a missing comma between two items', hint: 'Put a comma between the item that ends before this point and the next one.'}
    } else return unexpected(top === '{' ? 'a comma or "}"' : 'a comma or "]"')
  }
}
