import {UsageError} from '../engine/errors.js'
import {isSupportedEncoding} from '../table/encoding.js'

/** The --encoding flag, refused as a usage error (exit 2) when odcheck cannot decode it, before any table is read. */
export function encodingFlag(value: string | undefined): string | undefined {
  if (value === undefined || isSupportedEncoding(value)) return value
  throw new UsageError(`--encoding ${value} is not an encoding odcheck knows.`, [
    'Give one such as utf-8, windows-1252, iso-8859-1 or utf-16le, or leave --encoding out and odcheck detects it.',
  ])
}
