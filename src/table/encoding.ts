/**
 * Decides how a table's bytes are encoded: a BOM wins, then valid UTF-8, then a legacy
 * encoding guessed by chardet (council exports are often Windows-1252).
 */
import {isAscii, isUtf8} from 'node:buffer'
import chardet from 'chardet'
import iconv from 'iconv-lite'
import {partialTail, utf8Tally} from './utf8.js'
import type {EncodingInfo} from './types.js'

const BOMS: Array<{bytes: number[]; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'}> = [
  {bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8'},
  {bytes: [0xff, 0xfe], encoding: 'utf-16le'},
  {bytes: [0xfe, 0xff], encoding: 'utf-16be'},
]

/** The byte order mark of an encoding (none for one without). */
export function bomBytes(encoding: string): number[] {
  return BOMS.find((b) => b.encoding === encoding)?.bytes ?? []
}

/** The encoding the byte order mark at the start of `bytes` names, if there is one. */
export function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | undefined {
  return BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte))?.encoding
}

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

/** Bytes Windows-1252 leaves undefined: a file holding one is not Windows-1252. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])

/** Single-byte code pages of scripts other than Latin: a guess of one of these is kept when the detector is sure enough. */
const NON_LATIN = /^(windows-125[1356]|windows-874|iso-8859-([5678]|11)|koi8-[ru]|ibm866|cp866|tis-?620|x-mac-cyrillic)$/
/**
 * chardet scores a whole-script guess on a few rows low (Cyrillic about 0.35, Greek under 0.2),
 * so a non-Latin guess is also kept when most letters are non-ASCII bytes: text in a Latin
 * script is mostly ASCII letters with a few accented ones.
 */
const CONFIDENT_NON_LATIN = 0.25
const NON_LATIN_LETTER_SHARE = 0.5

function nonAsciiLetterShare(bytes: Buffer): number {
  let ascii = 0
  let high = 0
  for (const byte of bytes) {
    if (byte >= 0x80) high++
    else if ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) ascii++
  }
  return high / Math.max(1, ascii + high)
}

function confidentOfNonLatin(guess: string, confidence: number, bytes: Buffer): boolean {
  return NON_LATIN.test(guess) && (confidence >= CONFIDENT_NON_LATIN || nonAsciiLetterShare(bytes) >= NON_LATIN_LETTER_SHARE)
}

/** Whether iconv-lite decodes the encoding one byte to one character (its SBCS codecs: Windows-125x, ISO-8859-x, ...). */
export function isSingleByte(encoding: string): boolean {
  return (iconv as unknown as {getCodec(name: string): {constructor: {name: string}}}).getCodec(encoding).constructor.name === 'SBCSCodec'
}

function decodesAsWindows1252(bytes: Buffer): boolean {
  for (const byte of bytes) if (UNDEFINED_IN_1252.has(byte)) return false
  return true
}

/**
 * Guesses the legacy encoding of bytes that are not UTF-8. chardet's statistics on a few rows
 * often name a neighbouring Latin code page (ISO-8859-2 for Irish names, Windows-1257 for
 * "Škoda", Windows-1254 for "Élan"), which shows £ as Ł and so on. UK data is far more often
 * Windows-1252: it wins over another single-byte guess whenever it decodes every byte, unless
 * the detector is confident of a non-Latin script.
 */
export function detectLegacyEncoding(bytes: Buffer): EncodingInfo {
  const candidates = chardet.analyse(bytes).filter((c) => iconv.encodingExists(normaliseEncodingName(c.name)))
  const best = candidates[0]
  const guess = best ? normaliseEncodingName(best.name) : 'windows-1252'
  const confidence = best ? best.confidence / 100 : 0
  const keepGuess =
    guess === 'windows-1252' ||
    // A detector is not sure of a UTF-8 file with stray bytes: the common legacy encoding it is.
    (!guess.startsWith('utf-') && (!isSingleByte(guess) || !decodesAsWindows1252(bytes) || confidentOfNonLatin(guess, confidence, bytes)))
  if (keepGuess) return {encoding: guess, bom: false, source: 'detected', confidence}
  const as1252 = candidates.find((c) => normaliseEncodingName(c.name) === 'windows-1252')
  return {encoding: 'windows-1252', bom: false, source: 'detected', confidence: as1252 ? as1252.confidence / 100 : 0}
}

/**
 * Valid multi-byte characters that clearly outnumber invalid bytes mean UTF-8 with a few stray
 * bytes (a value pasted from another system), not a legacy encoding: read as Windows-1252,
 * every good character would turn into mojibake ("CafÃ©") to explain one bad one. The reader
 * reports each bad byte as an encoding-error.
 */
const MULTI_BYTE_PER_INVALID = 4

function damagedUtf8(sample: Buffer): EncodingInfo | undefined {
  const {multiByte, invalid} = utf8Tally(sample)
  if (multiByte < MULTI_BYTE_PER_INVALID * invalid) return undefined
  return {encoding: 'utf-8', bom: false, source: 'detected', confidence: multiByte / (multiByte + invalid)}
}

/**
 * The UTF-16 byte-order mark a sample starts with when the encoding given for it says otherwise
 * (`UTF-16LE`, `UTF-16BE`): read that way, every other byte is NUL.
 */
export function contradictedUtf16Bom(sample: Buffer, info: EncodingInfo): string | undefined {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => sample[i] === byte))
  if (info.source !== 'given' || !bom?.encoding.startsWith('utf-16') || bom.encoding === info.encoding) return undefined
  return bom.encoding.toUpperCase()
}

/**
 * @param sample the first bytes of the file
 * @param complete whether the sample is the whole file
 */
export function detectEncoding(sample: Buffer, complete: boolean, given?: string): EncodingInfo {
  const bom = bomEncoding(sample)
  if (given) {
    const named = normaliseEncodingName(given)
    // "utf-16" leaves the byte order to the mark.
    const encoding = named === 'utf-16' && bom?.startsWith('utf-16') ? bom : named
    return {encoding, bom: bom === encoding, source: 'given'}
  }
  if (bom) return {encoding: bom, bom: true, source: 'bom'}
  if (sample.length === 0) return {encoding: 'utf-8', bom: false, source: 'empty'}
  // A sample cut mid-character is not invalid for that.
  const checked = complete ? sample : sample.subarray(0, sample.length - partialTail(sample))
  if (isUtf8(checked)) return {encoding: 'utf-8', bom: false, source: 'utf8-valid', ...(complete || !isAscii(checked) ? {} : {provisional: true})}
  const damaged = damagedUtf8(checked)
  return damaged ?? detectLegacyEncoding(sample)
}
