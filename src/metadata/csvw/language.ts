/** Well-formed BCP 47 language tags (RFC 5646 syntax), as CSVW requires for `lang`, `@language` and title maps. */

const ALNUM = '[a-z0-9]'
const LANGUAGE = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})'
const SCRIPT = '(?:-[a-z]{4})?'
const REGION = '(?:-(?:[a-z]{2}|[0-9]{3}))?'
const VARIANT = `(?:-(?:${ALNUM}{5,8}|[0-9]${ALNUM}{3}))*`
const EXTENSION = `(?:-[0-9a-wy-z](?:-${ALNUM}{2,8})+)*`
const PRIVATE = `(?:-x(?:-${ALNUM}{1,8})+)?`
const LANGTAG = new RegExp(`^${LANGUAGE}${SCRIPT}${REGION}${VARIANT}${EXTENSION}${PRIVATE}$`, 'i')
const PRIVATE_ONLY = new RegExp(`^x(?:-${ALNUM}{1,8})+$`, 'i')
const GRANDFATHERED = new Set(
  [
    'en-GB-oed', 'i-ami', 'i-bnn', 'i-default', 'i-enochian', 'i-hak', 'i-klingon', 'i-lux', 'i-mingo', 'i-navajo', 'i-pwn', 'i-tao', 'i-tay', 'i-tsu',
    'sgn-BE-FR', 'sgn-BE-NL', 'sgn-CH-DE', 'art-lojban', 'cel-gaulish', 'no-bok', 'no-nyn', 'zh-guoyu', 'zh-hakka', 'zh-min', 'zh-min-nan', 'zh-xiang',
  ].map((t) => t.toLowerCase()),
)

export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) return false
  return LANGTAG.test(value) || PRIVATE_ONLY.test(value) || GRANDFATHERED.has(value.toLowerCase())
}

/**
 * Whether titles in two languages may match: `und` matches any language, and tags match when
 * equal once the longer is cut to the length of the shorter (`en` matches `en-US`).
 */
export function languagesMatch(a: string, b: string): boolean {
  if (a === 'und' || b === 'und') return true
  const x = a.toLowerCase().split('-')
  const y = b.toLowerCase().split('-')
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return false
  return true
}
