/**
 * Decides how a table's bytes are encoded: a BOM wins, then valid UTF-8, then a legacy
 * encoding guessed by chardet (council exports are often Windows-1252).
 */
import {isUtf8} from 'node:buffer'
import chardet from 'chardet'
import iconv from 'iconv-lite'
import type {EncodingInfo} from './types.js'

const BOMS: Array<{bytes: number[]; encoding: string}> = [
  {bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8'},
  {bytes: [0xff, 0xfe], encoding: 'utf-16le'},
  {bytes: [0xfe, 0xff], encoding: 'utf-16be'},
]

/** Latin-1 labels are decoded as Windows-1252, as browsers do (WHATWG Encoding). */
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'latin1': 'windows-1252',
  'ascii': 'utf-8',
  'us-ascii': 'utf-8',
  'utf8': 'utf-8',
}

export function normaliseEncodingName(name: string): string {
  const lower = name.trim().toLowerCase()
  return ALIASES[lower] ?? lower
}

export function isSupportedEncoding(name: string): boolean {
  return iconv.encodingExists(normaliseEncodingName(name))
}

export function bomLength(info: EncodingInfo): number {
  if (!info.bom) return 0
  return info.encoding === 'utf-8' ? 3 : 2
}

/** Trim an incomplete multi-byte sequence off the end of a sample cut mid-character. */
function trimPartialUtf8(sample: Buffer): Buffer {
  for (let back = 1; back <= 3 && back <= sample.length; back++) {
    const byte = sample[sample.length - back]
    if ((byte & 0xc0) === 0x80) continue
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return need > back ? sample.subarray(0, sample.length - back) : sample
    }
    return sample
  }
  return sample
}

/**
 * @param sample the first bytes of the file
 * @param complete whether the sample is the whole file
 */
export function detectEncoding(sample: Buffer, complete: boolean, given?: string): EncodingInfo {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => sample[i] === byte))
  if (given) {
    const encoding = normaliseEncodingName(given)
    return {encoding, bom: Boolean(bom && bom.encoding === encoding), source: 'given'}
  }
  if (bom) return {encoding: bom.encoding, bom: true, source: 'bom'}
  if (sample.length === 0) return {encoding: 'utf-8', bom: false, source: 'empty'}
  const checked = complete ? sample : trimPartialUtf8(sample)
  if (isUtf8(checked)) return {encoding: 'utf-8', bom: false, source: 'utf8-valid'}
  const candidates = chardet.analyse(sample)
  const best = candidates.find((c) => iconv.encodingExists(normaliseEncodingName(c.name)))
  const encoding = best ? normaliseEncodingName(best.name) : 'windows-1252'
  // A detector is not sure of a UTF-8 file with one stray byte: prefer the common legacy encoding.
  const legacy = encoding === 'utf-8' || encoding.startsWith('utf-') ? 'windows-1252' : encoding
  return {encoding: legacy, bom: false, source: 'detected', confidence: best ? best.confidence / 100 : 0}
}
