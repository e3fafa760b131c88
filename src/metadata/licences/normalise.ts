/**
 * Keys for comparing licence spellings: the same licence written as different URLs or titles
 * gives the same key. Keys are only ever compared for equality.
 */

/** Words that never tell licences apart. `licence` goes too: "Open Government Licence" = "Open Government". */
const DROPPED_WORDS = new Set(['the', 'a', 'an', 'version', 'licence', 'international', 'unported', 'generic'])

/**
 * "Creative Commons Attribution-ShareAlike 4.0 International License" → "cc by sa 4.0";
 * "Open Government Licence v3" → "open government 3.0"; "CC BY-SA 4.0" → "cc by sa 4.0".
 */
export function titleKey(text: string): string {
  let s = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  s = s.replace(/_/g, ' ').replace(/&/g, ' and ')
  s = s.replace(/\blicen[cs]es?\b/g, 'licence').replace(/\bpublic licence\b/g, 'licence')
  s = s.replace(/\bcreative commons\b/g, 'cc')
  s = s.replace(/\bcc[\s-]*zero\b|\bcczero\b/g, 'cc0')
  s = s.replace(/\bshare[\s-]*alike\b/g, 'sa')
  s = s.replace(/\bnon[\s-]*commercial\b/g, 'nc')
  s = s.replace(/\bno[\s-]*deriv(?:ative)?s?(?:[\s-]*works)?\b/g, 'nd')
  s = s.replace(/\battribution\b/g, 'by')
  s = s.replace(/\bv(?=\d)/g, ' ')
  s = s.replace(/[^a-z0-9.]+/g, ' ')
  return s
    .split(' ')
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w !== '' && !DROPPED_WORDS.has(w))
    .map((w) => (/^\d$/.test(w) ? `${w}.0` : w))
    .join(' ')
}

/** Whether a value is written as a web address (with or without the scheme). */
export function looksLikeUrl(text: string): boolean {
  return /^(https?:\/\/|www\.)\S+$/i.test(text.trim().replace(/^<|>$/g, ''))
}

/** Web addresses inside free text, e.g. "OGL v3 (http://www.nationalarchives.gov.uk/...)". */
export function urlsIn(text: string): string[] {
  return [...text.matchAll(/\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi)].map((m) => m[0].replace(/[.,;:]+$/, ''))
}

/**
 * Scheme, `www.`, case, trailing slashes, query and fragment do not matter:
 * "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" → "nationalarchives.gov.uk/doc/open-government-licence/version/3".
 */
export function urlKey(text: string): string | undefined {
  let s = text.trim().replace(/^<|>$/g, '')
  if (/^www\./i.test(s)) s = `http://${s}`
  if (!/^https?:\/\//i.test(s)) return undefined
  let url: URL
  try {
    url = new URL(s)
  } catch {
    return undefined
  }
  let path = url.pathname
  try {
    path = decodeURIComponent(path)
  } catch {
    // Keep the encoded form.
  }
  path = path.toLowerCase().replace(/\/{2,}/g, '/').replace(/\/+$/, '')
  return url.hostname.toLowerCase().replace(/^www\./, '') + path
}

/** A last path segment that is one rendering of a licence page rather than a different licence. */
const PAGE_SEGMENT = /^(?:legalcode(?:\.[a-z_-]+)?|deed(?:\.[a-z_-]+)?|summary|index\.html?|[a-z0-9_-]+\.(?:html?|pdf|txt|rdf|md))$/

/** The URL key, then the keys of the pages it is a rendering of (".../by/4.0/legalcode" → ".../by/4.0"). */
export function urlCandidates(key: string): string[] {
  const out = [key]
  let current = key
  for (let i = 0; i < 2; i++) {
    const slash = current.lastIndexOf('/')
    if (slash < 0 || !PAGE_SEGMENT.test(current.slice(slash + 1))) break
    current = current.slice(0, slash)
    out.push(current)
  }
  return out
}
