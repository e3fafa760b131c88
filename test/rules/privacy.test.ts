/**
 * The personal-data and small-counts rules on fixtures of synthetic people and tables
 * (example.org addresses, Ofcom drama numbers, card-scheme test numbers, NHS numbers with
 * valid checksums outside the 999 test range), with only the rule under test enabled.
 */
import {describe, expect, it} from 'vitest'
import {findingsOf, ruleTester} from '../helpers/rule-tester.js'

const people = (fieldNumber: number, fieldName: string, details: Record<string, unknown>) => ({
  rowNumber: 2,
  fieldNumber,
  fieldName,
  details: {matches: 4, cells: 4, confidence: 'high', columnNameHint: true, ...details},
})

ruleTester('personal-data', {
  valid: [
    'business.csv',
    'spend.csv',
    'names-not-people.csv',
    'role-addresses.csv',
    'mixed-references.csv',
    'transaction-numbers.csv',
    'countries.csv',
    // GeoJSON: ward names, GSS codes and a role mailbox in the properties are not personal.
    'wards.geojson',
    {file: 'people.csv', options: {kinds: []}},
    // The one address in free text is below a share of 50% once email's own threshold is raised.
    {file: 'free-text.csv', options: {thresholds: {email: {minShare: 0.5}}}},
  ],
  invalid: [
    {
      file: 'people.csv',
      findings: [
        people(2, 'full_name', {kind: 'person-name', examples: ['J*** D***', 'Mr J*** S***', 'Dr A*** K***'], withTitleOrKnownForename: 4}),
        people(3, 'email', {kind: 'email', examples: ['j***@e***.org', 'a***@e***.net', 'p***@e***.com'], roleAddresses: 0}),
        people(4, 'mobile', {kind: 'phone', examples: ['07700 ******', '+44 7700 ******'], mobiles: 4, organisationalNumbers: 0}),
        people(5, 'ni_number', {kind: 'nino', examples: ['AB ** ** ** C', 'CE ** ** ** D', 'JG ** ** ** A']}),
        people(6, 'nhs_number', {kind: 'nhs-number', examples: ['*** *** **37', '********04', '********84']}),
        people(7, 'date_of_birth', {kind: 'date-of-birth', examples: ['19**-**-**', '**/**/19**', '* *** 19**']}),
        people(8, 'home_postcode', {kind: 'postcode', examples: ['M32 0**', 'M33 7**', 'WA15 9**']}),
        people(9, 'last_login_ip', {kind: 'ip-address', examples: ['192.*.*.*', '198.*.*.*', '2001:***']}),
        people(10, 'card_number', {kind: 'payment-card', examples: ['**** **** **** 1111', '**** **** **** 4444', '**** **** **** 5556']}),
        people(11, 'sort_code', {kind: 'bank-account', examples: ['**-**-56', '**-**-00', '**-**-84']}),
        people(12, 'account_number', {kind: 'bank-account', examples: ['******19', '******11', '******90']}),
        people(13, 'iban', {kind: 'bank-account', examples: ['GB******************32', 'GB******************55', 'GB******************19']}),
      ],
    },
    {
      file: 'people.csv',
      options: {kinds: ['email', 'nino'], maxExamples: 1},
      findings: [
        people(3, 'email', {kind: 'email', examples: ['j***@e***.org']}),
        people(5, 'ni_number', {kind: 'nino', examples: ['AB ** ** ** C']}),
      ],
    },
    {
      // JSON records are scanned like rows; a finding points at the first record's property (record 1 = rowNumber 1).
      file: 'residents.json',
      findings: [
        {rowNumber: 1, fieldNumber: 3, fieldName: 'contact_email', line: 2, details: {kind: 'email', matches: 3, cells: 3, pointer: '/0/contact_email', examples: ['j***@e***.org', 'a***@e***.net', 'p***@e***.com']}},
        {rowNumber: 1, fieldNumber: 4, fieldName: 'phone', line: 2, details: {kind: 'phone', matches: 3, pointer: '/0/phone'}},
      ],
    },
    {
      // GeoJSON: the features' properties, the geometry left alone.
      file: 'reports.geojson',
      findings: [
        {rowNumber: 1, fieldName: 'reporter_email', line: 4, details: {kind: 'email', matches: 3, pointer: '/features/0/properties/reporter_email'}},
        {rowNumber: 1, fieldName: 'home_postcode', line: 4, details: {kind: 'postcode', matches: 3, pointer: '/features/0/properties/home_postcode', examples: ['M32 0**', 'M33 7**', 'WA15 9**']}},
      ],
    },
    {
      // One personal address inside free text: worth a look, with less confidence than a column of them.
      file: 'free-text.csv',
      findings: [{rowNumber: 4, fieldNumber: 2, details: {kind: 'email', matches: 1, cells: 6, confidence: 'medium', columnNameHint: false, examples: ['j***@e***.com']}}],
    },
    {
      // A name that slipped past redaction: redaction markers and NA are not counted as cells.
      file: 'redacted-contacts.csv',
      findings: [{rowNumber: 5, fieldNumber: 2, fieldName: 'Officer', details: {kind: 'person-name', matches: 1, cells: 1, redacted: 4, confidence: 'high', examples: ['Mrs S*** J***']}}],
    },
    {
      // Role mailboxes are reported only when asked for low-confidence findings, and say so.
      file: 'role-addresses.csv',
      options: {minConfidence: 'low'},
      findings: [{rowNumber: 2, fieldNumber: 2, details: {kind: 'email', matches: 4, roleAddresses: 4, confidence: 'low', examples: ['f***@e***.gov.uk', 'e***@e***.gov.uk', 'c***@e***.gov.uk']}}],
    },
    {
      // A column called just `Name`: people, because most values start with a common forename. `Vacant` is a cell that is not a name; `N/D` is not scanned.
      file: 'staff-names.csv',
      findings: [{rowNumber: 2, fieldNumber: 1, details: {kind: 'person-name', matches: 3, cells: 4, confidence: 'high', withTitleOrKnownForename: 3, examples: ['P*** E***', 'S*** S***', 'K*** T***']}}],
    },
    {
      // Name-shaped but no title or known forename: countries, reported only at low confidence.
      file: 'countries.csv',
      options: {minConfidence: 'low'},
      findings: [{rowNumber: 2, fieldNumber: 1, details: {kind: 'person-name', matches: 4, confidence: 'low', withTitleOrKnownForename: 0}}],
    },
    {
      // One NI number among references: below the default share of 50%, found with a lower one.
      file: 'mixed-references.csv',
      options: {minShare: 0.1},
      findings: [{rowNumber: 2, fieldNumber: 1, details: {kind: 'nino', matches: 1, cells: 5, share: 0.2, confidence: 'medium'}}],
    },
    {
      // Business postcodes and phone numbers are personal only in a list of people; at low confidence they show.
      file: 'business.csv',
      options: {minConfidence: 'low'},
      findings: [
        {rowNumber: 2, fieldNumber: 2, fieldName: 'Address', details: {kind: 'postcode', confidence: 'low', examples: ['WA15 6**', 'M32 9**', 'M41 0**']}},
        {rowNumber: 2, fieldNumber: 3, fieldName: 'Postcode', details: {kind: 'postcode', confidence: 'low'}},
        {rowNumber: 2, fieldNumber: 4, fieldName: 'Telephone', details: {kind: 'phone', matches: 4, organisationalNumbers: 1, confidence: 'low'}},
        {rowNumber: 2, fieldNumber: 5, fieldName: 'Email', details: {kind: 'email', roleAddresses: 4, confidence: 'low'}},
      ],
    },
  ],
})

describe('personal-data options', () => {
  it('refuses options outside the schema before the run, naming the rule', async () => {
    await expect(findingsOf('personal-data', 'people.csv', {minShare: 2})).rejects.toThrow(/Options of rule personal-data are invalid/)
    await expect(findingsOf('personal-data', 'people.csv', {kinds: ['shoe-size']})).rejects.toThrow(/personal-data/)
    await expect(findingsOf('personal-data', 'people.csv', {thresholds: {email: {minMatches: 0}}})).rejects.toThrow(/personal-data/)
  })

  it('asks for more matches per column when minMatches is raised', async () => {
    const {findings} = await findingsOf('personal-data', 'people.csv', {minMatches: 5})
    expect(findings).toEqual([])
    const perKind = await findingsOf('personal-data', 'people.csv', {thresholds: {email: {minMatches: 5}}})
    expect(perKind.findings.map((f) => f.details?.kind)).not.toContain('email')
    expect(perKind.findings).toHaveLength(11)
  })
})

ruleTester('small-counts', {
  valid: ['allotment-stats.csv', 'spend.csv', 'keyed-not-counts.csv', 'people-list.csv'],
  invalid: [
    {
      file: 'ward-counts.csv',
      findings: [
        {rowNumber: 2, fieldNumber: 6, fieldName: 'checks_completed', details: {smallCells: 2, countCells: 5, suppressedCells: 0, threshold: 5, basis: 'keyed-table'}},
        {rowNumber: 3, fieldNumber: 5, fieldName: 'people_helped', details: {smallCells: 2, countCells: 4, suppressedCells: 1, threshold: 5, basis: 'column-name'}},
      ],
    },
    {
      // With a threshold of 3 only 1 and 2 are small.
      file: 'ward-counts.csv',
      options: {threshold: 3},
      findings: [{rowNumber: 2, fieldNumber: 6, details: {smallCells: 2, maxSmall: 2}}],
    },
    {
      file: 'age-bands.csv',
      findings: [{rowNumber: 2, fieldNumber: 3, fieldName: 'count', details: {smallCells: 2, countCells: 5, suppressedCells: 1, basis: 'keyed-table'}}],
    },
    {
      // Allotment plots become counts when the publisher says `Waiting` counts people.
      file: 'allotment-stats.csv',
      options: {countHints: ['waiting']},
      findings: [{rowNumber: 4, fieldNumber: 5, fieldName: 'Waiting', details: {smallCells: 2, basis: 'column-name'}}],
    },
  ],
})
