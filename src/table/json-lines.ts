/**
 * Finds the line each of a few JSON Pointers starts on, in one pass over the text, so findings
 * on a JSON document can name a line. Only the paths leading to wanted pointers are followed;
 * every other value is skipped by counting brackets. Findings are capped per rule, so a run asks
 * about a few hundred pointers at most, once, after the checks.
 */

interface PathNode {
  children: Map<string, PathNode>
  /** The pointer that ends here, when one does. */
  pointer?: string
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}

function pathTree(pointers: Iterable<string>): PathNode {
  const root: PathNode = {children: new Map()}
  for (const pointer of pointers) {
    if (pointer !== '' && !pointer.startsWith('/')) continue
    let node = root
    for (const segment of pointer === '' ? [] : pointer.slice(1).split('/').map(unescape)) {
      let child = node.children.get(segment)
      if (!child) node.children.set(segment, (child = {children: new Map()}))
      node = child
    }
    node.pointer = pointer
  }
  return root
}

const QUOTE = 34
const BACKSLASH = 92
const NEWLINE = 10

/** Line (1-based) of the value each pointer names; pointers naming nothing in the text are left out. */
export function linesOfPointers(text: string, pointers: Iterable<string>): Map<string, number> {
  const found = new Map<string, number>()
  const root = pathTree(pointers)
  const n = text.length
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1

  const skipSpace = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c === NEWLINE) line++
      else if (c !== 32 && c !== 9 && c !== 13) return
    }
  }
  const skipString = () => {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c === BACKSLASH) i++
      else if (c === QUOTE) {
        i++
        return
      }
    }
  }
  const readKey = (): string => {
    const start = i
    skipString()
    try {
      return JSON.parse(text.slice(start, i)) as string
    } catch {
      return ''
    }
  }
  /** Skips any value, containers by counting brackets outside strings. */
  const skipValue = () => {
    const c = text.charCodeAt(i)
    if (c === QUOTE) return skipString()
    if (c === 123 || c === 91) {
      let depth = 0
      while (i < n) {
        const d = text.charCodeAt(i)
        if (d === QUOTE) {
          skipString()
          continue
        }
        if (d === 123 || d === 91) depth++
        else if (d === 125 || d === 93) {
          if (--depth === 0) {
            i++
            return
          }
        } else if (d === NEWLINE) line++
        i++
      }
      return
    }
    for (; i < n; i++) {
      const d = text.charCodeAt(i)
      if (d === 44 || d === 125 || d === 93 || d === 32 || d === NEWLINE || d === 13 || d === 9) return
    }
  }
  const value = (node: PathNode | undefined) => {
    skipSpace()
    if (node?.pointer !== undefined) found.set(node.pointer, line)
    if (!node || node.children.size === 0) return skipValue()
    const open = text.charCodeAt(i)
    if (open !== 123 && open !== 91) return skipValue()
    i++
    for (let index = 0; i < n; index++) {
      skipSpace()
      const c = text.charCodeAt(i)
      if (c === 125 || c === 93) {
        i++
        return
      }
      if (open === 123) {
        const key = readKey()
        skipSpace()
        i++ // the colon
        value(node.children.get(key))
      } else value(node.children.get(String(index)))
      skipSpace()
      if (text.charCodeAt(i) === 44) i++
    }
  }
  value(root)
  return found
}
