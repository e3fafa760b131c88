/**
 * Where each value of a (valid) JSON document starts, by JSON pointer, so a finding about
 * `/tables/1/url` can name its line and column. Runs after JSON.parse has accepted the text,
 * so it only has to walk well-formed JSON.
 */

export interface Position {
  line: number
  column: number
}

export type Positions = Map<string, Position>

export function pointerEscape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

export function jsonPositions(text: string): Positions {
  const positions: Positions = new Map()
  let i = 0
  let line = 1
  let lineStart = 0
  const here = (): Position => ({line, column: i - lineStart + 1})
  const skipSpace = () => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) {
        line++
        lineStart = i + 1
      } else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) break
    }
  }
  const readString = (): string => {
    const start = i
    i++
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1
    i++
    return JSON.parse(text.slice(start, i)) as string
  }
  const value = (pointer: string, depth: number): void => {
    skipSpace()
    positions.set(pointer, here())
    const c = text[i]
    if (depth > 200) throw new Error('JSON nested too deeply')
    if (c === '{') {
      i++
      skipSpace()
      if (text[i] === '}') {
        i++
        return
      }
      for (;;) {
        skipSpace()
        const key = readString()
        skipSpace()
        i++ // colon
        value(`${pointer}/${pointerEscape(key)}`, depth + 1)
        skipSpace()
        if (text[i++] === '}') return
      }
    }
    if (c === '[') {
      i++
      skipSpace()
      if (text[i] === ']') {
        i++
        return
      }
      for (let index = 0; ; index++) {
        value(`${pointer}/${index}`, depth + 1)
        skipSpace()
        if (text[i++] === ']') return
      }
    }
    if (c === '"') {
      readString()
      return
    }
    while (i < text.length && !/[\s,}\]]/.test(text[i])) i++
  }
  try {
    value('', 0)
  } catch {
    // Positions are a help for messages: a document too deep to walk just has fewer of them.
  }
  return positions
}

/** The position of the nearest value at or above `pointer` that has one. */
export function positionOf(positions: Positions | undefined, pointer: string | undefined): Position | undefined {
  if (!positions || pointer === undefined) return undefined
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const found = positions.get(p)
    if (found) return found
    if (p === '') return undefined
  }
}
