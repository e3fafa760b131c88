/** How config files are named in messages: relative to the working directory when inside it. */
import {isAbsolute, relative, sep} from 'node:path'

export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file
  const rel = relative(cwd, file)
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/')
}

/** `rules.blank-row[1].max` from a path of keys and indexes. */
export function keyPath(segments: Array<string | number>): string {
  let out = ''
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`
    else out += out === '' ? segment : `.${segment}`
  }
  return out || '(top level)'
}
