/**
 * What a column's name suggests about its content. Names are split into lower-case words
 * (`CandidateSurname` → candidate surname, `Contact_E-mail` → contact e mail) and read for
 * hints of a personal kind, and for qualifiers saying whether the column is about a person
 * (`home`, `patient`) or an organisation or place (`supplier`, `charity`, `site`).
 */
import type {PersonalKind} from './kinds.js'
import type {NameColumnKind} from './validators/person-name.js'

export interface ColumnHints {
  /** Kinds the column's name points at. */
  kinds: PersonalKind[]
  /** Set when the name suggests people's names, and of which sort. */
  nameColumn?: NameColumnKind
  /** `Name` alone: could be people, sites, bodies or countries. */
  genericName: boolean
  /** The name qualifies the column as about an organisation, place or thing (`Supplier Postcode`). */
  organisation: boolean
  /** The name qualifies the column as about an individual (`Home Postcode`, `Patient DOB`). */
  person: boolean
}

export function labelWords(label: string): string[] {
  return label
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean)
}

const words = (text: string) => new Set(text.split(' '))

const ORGANISATION = words(
  'supplier suppliers vendor vendors company companies business businesses organisation organization org body charity charities council ' +
    'department dept directorate service services team unit site sites premises office venue school merchant trading shop store allotment ' +
    'allotments car park location facility building ward area street road place project scheme product file dataset entity party authority ' +
    'electoral station depot practice surgery hospital trust operator club society provider contractor agency centre institution establishment ' +
    'branch body beneficiary payee creditor',
)

const PERSON = words(
  'home personal private resident residents patient client customer applicant claimant tenant pupil student employee staff member victim ' +
    'offender person individual citizen householder occupier candidate kin carer parent guardian child mother father correspondence',
)

const FORENAME = words('forename forenames firstname firstnames christian given')
const SURNAME = words('surname surnames lastname familyname')
const ROLE = words(
  'employee staff officer contact person candidate councillor cllr applicant patient client pupil student resident tenant claimant holder ' +
    'cardholder postholder jobholder signatory member landlord occupier driver author requester requestor complainant victim offender ' +
    'volunteer trustee chair chairman chairperson clerk secretary treasurer headteacher representative nominee proposer seconder licensee registrant',
)
/** Words that may sit beside a role word in a column of names: `Contact Name`, `Returning Officer`, `Lead Officer (2014)`. */
const ROLE_COMPANIONS = words('name names full first last main primary lead key senior responsible returning named of the for job post chief principal deputy assistant case')

function has(list: string[], ...wanted: string[]): boolean {
  return wanted.some((w) => list.includes(w))
}

function phrase(list: string[], text: string): boolean {
  return ` ${list.join(' ')} `.includes(` ${text} `)
}

function nameColumn(w: string[], organisation: boolean): {nameColumn?: NameColumnKind; genericName: boolean} {
  const none = {genericName: false}
  if (organisation) return none
  if (w.some((x) => SURNAME.has(x)) || phrase(w, 'last name') || phrase(w, 'family name')) return {nameColumn: 'surname', genericName: false}
  if (w.some((x) => FORENAME.has(x)) || phrase(w, 'first name') || phrase(w, 'first names') || phrase(w, 'given name') || phrase(w, 'given names')) {
    return {nameColumn: 'forename', genericName: false}
  }
  const wordsOnly = w.filter((x) => !/^\d+$/.test(x))
  if (phrase(w, 'full name') || has(w, 'fullname', 'middle', 'maiden')) return {nameColumn: 'full', genericName: false}
  if (wordsOnly.some((x) => ROLE.has(x)) && wordsOnly.every((x) => ROLE.has(x) || ROLE_COMPANIONS.has(x))) return {nameColumn: 'full', genericName: false}
  if (wordsOnly.length > 0 && wordsOnly.every((x) => x === 'name' || x === 'names')) return {nameColumn: 'full', genericName: true}
  return none
}

function kindHints(w: string[]): PersonalKind[] {
  const kinds: PersonalKind[] = []
  if (has(w, 'email', 'emails', 'emailaddress') || phrase(w, 'e mail')) kinds.push('email')
  if (has(w, 'phone', 'telephone', 'tel', 'mobile', 'mob', 'landline', 'fax', 'phones', 'telno') || phrase(w, 'contact number')) kinds.push('phone')
  if (has(w, 'nino') || phrase(w, 'national insurance') || phrase(w, 'ni number') || phrase(w, 'ni no') || phrase(w, 'nat ins')) kinds.push('nino')
  if (has(w, 'nhsno') || phrase(w, 'nhs number') || phrase(w, 'nhs no') || phrase(w, 'nhs num')) kinds.push('nhs-number')
  const postalAddress = has(w, 'address', 'addr') && !kinds.includes('email') && !has(w, 'ip', 'web', 'url', 'mac')
  if (postalAddress || has(w, 'postcode', 'postcodes', 'zip', 'zipcode', 'pcode') || phrase(w, 'post code') || phrase(w, 'postal code')) kinds.push('postcode')
  const births = has(w, 'births')
  if (!births && (has(w, 'dob', 'birthdate', 'birthday', 'born') || (has(w, 'birth') && has(w, 'date', 'dt')) || phrase(w, 'd o b'))) kinds.push('date-of-birth')
  if (has(w, 'ip', 'ipv4', 'ipv6', 'ipaddress') || phrase(w, 'remote addr')) kinds.push('ip-address')
  if ((has(w, 'card', 'cc') && has(w, 'number', 'no', 'num', 'pan')) || has(w, 'cardnumber', 'pan') || phrase(w, 'credit card') || phrase(w, 'debit card')) kinds.push('payment-card')
  const ledger = has(w, 'ledger', 'gl', 'nominal', 'cost', 'budget', 'expense', 'expenditure', 'code')
  const bankWords = has(w, 'sortcode', 'iban', 'bank') || phrase(w, 'sort code')
  const accountNumber = has(w, 'account', 'acc', 'acct') && has(w, 'number', 'no', 'num')
  if (bankWords || (accountNumber && !ledger && !has(w, 'supplier', 'customer', 'vendor'))) kinds.push('bank-account')
  return kinds
}

export function columnHints(label: string | undefined): ColumnHints {
  const w = labelWords(label ?? '')
  const organisation = w.some((x) => ORGANISATION.has(x))
  const person = w.some((x) => PERSON.has(x))
  return {kinds: kindHints(w), ...nameColumn(w, organisation), organisation, person}
}
