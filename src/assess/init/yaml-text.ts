/** Small pieces for writing commented YAML by hand: comments wrapped to a width, values quoted only when YAML needs it. */
import {stringify} from 'yaml'

const WIDTH = 92

/** `text` as `# ` comment lines wrapped at about 92 characters; `indent` prefixes each line. */
export function comment(text: string, indent = ''): string[] {
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    // Leading spaces (an indented list) are kept on the paragraph's first line.
    const lead = /^ */.exec(paragraph)![0]
    // Wrapped lines of an indented item ("  - text") line up under its text.
    const hanging = lead + (paragraph.trimStart().startsWith('- ') ? '  ' : '')
    let line = lead
    for (const word of paragraph.trimStart().split(' ')) {
      if (line.trim() && line.length + word.length + 1 > WIDTH) {
        lines.push(`${indent}# ${line}`)
        line = hanging + word
      } else line = line.trim() ? `${line} ${word}` : `${line}${word}`
    }
    lines.push(`${indent}# ${line}`.trimEnd())
  }
  return lines
}

/** A value as YAML on one line: plain where that reads back the same, quoted otherwise; lists and maps in flow style. */
export function inline(value: unknown): string {
  return stringify(value, {lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false}).trimEnd()
}

/** `key: value` (a block for a list of maps). */
export function entry(key: string, value: unknown, indent = ''): string[] {
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
    return [`${indent}${key}:`, ...stringify(value, {lineWidth: 0}).trimEnd().split('\n').map((l) => `${indent}  ${l}`)]
  }
  return [`${indent}${key}: ${inline(value)}`]
}
