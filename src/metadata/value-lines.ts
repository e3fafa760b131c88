/**
 * The line a value starts on in a JSON or YAML document, by its path: for findings and
 * messages that point into a descriptor or a config file. JSON is read as YAML, which it is.
 */
import {LineCounter, isMap, isSeq, parseDocument, type Document, type Node} from 'yaml'

export type ValuePath = Array<string | number>

/**
 * A finder of lines in `text`. It points at the key itself where there is one, so an unknown key
 * names its own line; for a key that is missing, at the nearest part of the path that exists.
 * It finds nothing in a document that does not parse.
 */
export function valueLines(text: string): (path: ValuePath) => number | undefined {
  const counter = new LineCounter()
  return documentLines(parseDocument(text, {lineCounter: counter}), counter)
}

/** The same for a document already parsed, with the LineCounter it was parsed with. */
export function documentLines(doc: Document, counter: LineCounter): (path: ValuePath) => number | undefined {
  if (doc.errors.length > 0) return () => undefined
  const lineAt = (node: Node | undefined | null) => (node?.range ? counter.linePos(node.range[0]).line : undefined)
  return (path) => {
    for (let depth = path.length; depth > 0; depth--) {
      const parentPath = path.slice(0, depth - 1)
      const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as Node | undefined
      const key = path[depth - 1]
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (p.key as {value?: unknown} | null)?.value === key)
        if (pair) return lineAt((pair.key ?? pair.value) as Node)
      } else if (isSeq(parent) && typeof key === 'number' && parent.items[key]) {
        return lineAt(parent.items[key] as Node)
      }
    }
    return lineAt(doc.contents as Node | null)
  }
}

/** `$.resources[1].schema["my field"]` as `['resources', 1, 'schema', 'my field']`; undefined for anything else. */
export function jsonPathParts(path: string): ValuePath | undefined {
  if (!path.startsWith('$')) return undefined
  const parts: ValuePath = []
  const step = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y
  step.lastIndex = 1
  while (step.lastIndex < path.length) {
    const at = step.lastIndex
    const match = step.exec(path)
    if (!match || match.index !== at) return undefined
    parts.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]) as string)))
  }
  return parts
}
