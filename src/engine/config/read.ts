/** Reads one config file (YAML or JSON) to data, with a line finder for messages. */
import {readFileSync} from 'node:fs'
import {LineCounter, isMap, isSeq, parseDocument, type Document, type Node} from 'yaml'
import {UsageError} from '../errors.js'

export interface ParsedFile {
  data: unknown
  lineOf(path: Array<string | number>): number | undefined
}

function lineFinder(doc: Document, counter: LineCounter): ParsedFile['lineOf'] {
  const lineAt = (node: Node | undefined | null) => (node?.range ? counter.linePos(node.range[0]).line : undefined)
  return (path) => {
    // Point at the key itself where there is one, so an unknown key names its own line;
    // for a key that is missing, point at the nearest part of the path that exists.
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

export function readText(file: string, label: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new UsageError(`Config file ${label} does not exist.`, ['Check the path given to --config or in extends.'])
    throw new UsageError(`Config file ${label} cannot be read (${code ?? (error as Error).message}).`)
  }
}

/** Parses YAML, or JSON for `.json` files (strictly, so a JSON file with YAML in it is an error). */
export function parseConfigText(text: string, file: string, label: string): ParsedFile {
  const counter = new LineCounter()
  const doc = parseDocument(text, {lineCounter: counter, prettyErrors: true})
  let data: unknown
  if (/\.json$/i.test(file)) {
    try {
      data = JSON.parse(text)
    } catch (error) {
      throw new UsageError(`Config file ${label} is not valid JSON: ${(error as Error).message}`)
    }
  } else {
    const problem = doc.errors[0]
    if (problem) {
      // With prettyErrors the first line of the message ends "at line L, column C:".
      throw new UsageError(`Config file ${label} is not valid YAML: ${problem.message.split('\n')[0].replace(/:$/, '')}.`)
    }
    data = doc.toJS()
  }
  if (data === null || data === undefined) data = {}
  return {data, lineOf: doc.errors.length ? () => undefined : lineFinder(doc, counter)}
}

export function readConfigFile(file: string, label: string): ParsedFile {
  return parseConfigText(readText(file, label), file, label)
}

export function isRuleSetShape(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Array.isArray((data as {rules?: unknown}).rules)
}
