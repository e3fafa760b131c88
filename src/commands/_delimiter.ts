import {UsageError} from '../engine/errors.js'

/**
 * The --delimiter flag as the character to split on: one character, or `tab` / `\t` for a tab.
 * Not a line break, and not `"`, which quotes values.
 */
export function delimiterFlag(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  if (value === '\\t' || value.toLowerCase() === 'tab' || value === '\t') return '\t'
  const allowed = ['Give one character, such as --delimiter ";" or --delimiter "|", or --delimiter tab (or "\\t") for a tab.']
  if ([...value].length !== 1) throw new UsageError(`--delimiter ${JSON.stringify(value)} is not one character.`, allowed)
  if (value === '"') throw new UsageError('--delimiter cannot be " : it is the quote character around values.', allowed)
  if (value === '\n' || value === '\r') throw new UsageError('--delimiter cannot be a line break: line breaks end records.', allowed)
  return value
}
