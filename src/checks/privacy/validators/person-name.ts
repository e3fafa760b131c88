/**
 * Does a cell look like a person's name? Only asked of columns whose name suggests people
 * (see ../labels.ts): the value shape alone cannot tell `Grove Lane` from `Amy Grove`.
 */
import {isForename} from './forenames.js'

/** What the column holds, judged from its name: whole names, forenames only or surnames only. */
export type NameColumnKind = 'full' | 'forename' | 'surname'

/** `strong`: a title or a known forename; `weak`: the shape of a name and nothing against it. */
export type NameStrength = 'strong' | 'weak'

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'revd', 'cllr', 'councillor'])
const PARTICLES = new Set(['de', 'del', 'della', 'der', 'den', 'van', 'von', 'da', 'di', 'du', 'la', 'le', 'bin', 'binti', 'al', 'el', 'ap', 'ben'])
const POSTNOMINALS = new Set(['obe', 'mbe', 'cbe', 'kbe', 'dbe', 'qc', 'kc', 'mp', 'jp', 'phd', 'frcs', 'jr', 'snr', 'jnr', 'sr'])

/** Words that never end a person's name: companies, places, services, markers. */
const NOT_A_NAME = new Set(
  (
    'ltd limited plc llp llc inc incorporated co company corporation corp council trust cic cio group services service solutions systems ' +
    'associates partnership partners consulting consultancy consultants agency association society club foundation charity fund institute ' +
    'institution university college school academy nursery centre center allotments allotment road rd street avenue ave drive gardens ' +
    'crescent terrace square place estate industrial retail shopping store stores supplies supply hotel restaurant cafe inn surgery ' +
    'hospital clinic pharmacy practice chapel mosque synagogue cathedral library museum theatre cinema stadium station airport ' +
    'office offices department directorate division unit team board committee authority borough county city district parish region ' +
    'regional national international uk gb england wales scotland britain british english northern southern eastern western central greater ' +
    'manchester london nhs police fire rescue health care social housing homes home education energy water gas electric electricity ' +
    'motors motor garage transport travel taxis taxi cars buses coaches media communications technologies technology software digital network ' +
    'networks management holdings enterprises ventures industries products properties property developments construction builders building ' +
    'buildings engineering contractors cleaning catering security recruitment training learning events design print printing publishing ' +
    'marketing insurance finance financial capital investments legal solicitors accountants bros brothers sons recovery projects ' +
    'project nursing farm works yard wharf quay quays mews view rise vale valley heights redacted redaction withheld vacant vacancy ' +
    'unknown anonymous various sundry sundries miscellaneous misc petty total totals elected eliminated data personal applicable ' +
    'supplier suppliers customer customers client clients account accounts payment payments refund refunds '
  ).split(' '),
)

/** Words that are surnames too (Hall, Hill, Lane) but end many place names: doubtful unless a title or forename comes first. */
const PLACE_ENDINGS = new Set(
  'hall hill lane green wood woods brook field fields court lodge way close row walk grove bridge ford house moss dale gate wells cross park mill mills church temple ward cash law power bank'.split(' '),
)

const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'the', 'to', 'at', 'in', 'on', 'by', 'with', '&', 'a', 'an', 'or'])

const CAPITALISED_WORD = /^\p{Lu}\p{Ll}*(?:\p{Lu}\p{Ll}+)?(?:['’-]\p{Lu}?\p{Ll}+)*$/u
const UPPERCASE_WORD = /^(?=.{2})\p{Lu}+(?:['’-]\p{Lu}+)*$/u
const INITIAL = /^\p{Lu}\.?$/u

function isNameWord(word: string): boolean {
  return CAPITALISED_WORD.test(word) || UPPERCASE_WORD.test(word)
}

function bare(word: string): string {
  return word.toLowerCase().replace(/\.$/, '')
}

/** Splits `SMITH, John` into `John SMITH`; leaves other values alone. */
function reorderSurnameFirst(value: string): string {
  const parts = value.split(',')
  if (parts.length !== 2) return value
  return `${parts[1].trim()} ${parts[0].trim()}`
}

export function classifyPersonName(raw: string, column: NameColumnKind): NameStrength | undefined {
  if (raw.length > 60 || /[\d@/\\|#_=+<>()[\]{}:;!?"]/u.test(raw)) return undefined
  let words = reorderSurnameFirst(raw.trim()).split(/\s+/).filter(Boolean)
  let titled = false
  if (words.length > 0 && TITLES.has(bare(words[0]))) {
    titled = true
    words = words.slice(1)
  }
  while (words.length > 0 && POSTNOMINALS.has(bare(words[words.length - 1]))) words = words.slice(0, -1)
  if (words.length === 0) return undefined
  for (const word of words) {
    const lower = bare(word)
    if (NOT_A_NAME.has(lower) || (FUNCTION_WORDS.has(lower) && !INITIAL.test(word))) return undefined
    if (!isNameWord(word) && !INITIAL.test(word) && !PARTICLES.has(lower)) return undefined
  }
  const substantial = words.filter((w) => isNameWord(w) && !INITIAL.test(w))
  if (substantial.length === 0) return undefined
  const firstKnown = isForename(bare(words[0]))
  if (column === 'full') {
    const min = titled ? 1 : 2
    if (words.length < min || words.length > 4) return undefined
    const last = bare(words[words.length - 1])
    if (PLACE_ENDINGS.has(last) && !titled && !firstKnown) return undefined
  } else if (words.length > 3) return undefined
  return titled || (column !== 'surname' && firstKnown) ? 'strong' : 'weak'
}
