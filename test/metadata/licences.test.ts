/**
 * The licence recogniser on spellings found in real UK catalogue records (CKAN, DCAT,
 * data packages, CSVW) and the licence table's facts that rules rely on.
 */
import {describe, expect, it} from 'vitest'
import {recogniseLicence, recogniseLicenceRef} from '../../src/metadata/licences/recognise.js'
import {licenceById, licences} from '../../src/metadata/licences/table.js'
import {titleKey, urlKey} from '../../src/metadata/licences/normalise.js'

function recognised(value: string) {
  const match = recogniseLicence(value)
  return match && {id: match.licence.id, method: match.method, ...(match.versionAssumed ? {versionAssumed: true} : {}), ...(match.port ? {port: match.port} : {})}
}

describe('recogniseLicence', () => {
  it.each([
    // CKAN and data.gov.uk ids
    ['uk-ogl', 'OGL-UK-3.0', 'id'],
    ['OGL-UK-3.0', 'OGL-UK-3.0', 'id'],
    ['ogl-uk-3.0', 'OGL-UK-3.0', 'id'],
    ['cc-by', 'cc-by', 'id'],
    ['cc-by-sa', 'cc-by-sa', 'id'],
    ['cc-zero', 'CC0-1.0', 'id'],
    ['cc-nc', 'cc-nc', 'id'],
    ['odc-pddl', 'PDDL-1.0', 'id'],
    ['odc-odbl', 'ODbL-1.0', 'id'],
    ['odc-by', 'ODC-By-1.0', 'id'],
    ['ODC-BY-1.0', 'ODC-By-1.0', 'id'],
    ['ODC-PDDL-1.0', 'PDDL-1.0', 'id'],
    ['other-open', 'other-open', 'id'],
    ['other-at', 'other-at', 'id'],
    ['other-pd', 'other-pd', 'id'],
    ['other-nc', 'other-nc', 'id'],
    ['other-closed', 'other-closed', 'id'],
    ['notspecified', 'notspecified', 'id'],
    ['gfdl', 'GFDL-1.3-no-cover-texts-no-invariant-sections', 'id'],
    // SPDX ids
    ['CC-BY-4.0', 'CC-BY-4.0', 'id'],
    ['CC-BY-NC-4.0', 'CC-BY-NC-4.0', 'id'],
    ['CC-BY-SA-3.0', 'CC-BY-SA-3.0', 'id'],
    ['CC0-1.0', 'CC0-1.0', 'id'],
    ['NCGL-UK-2.0', 'NCGL-UK-2.0', 'id'],
    ['OGL-Canada-2.0', 'OGL-Canada-2.0', 'id'],
    ['OGL-CA-2.0', 'OGL-Canada-2.0', 'id'],
    ['MIT', 'MIT', 'id'],
    // URLs: scheme, www, trailing slash, legal code and deed pages
    ['http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', 'OGL-UK-3.0', 'url'],
    ['https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3', 'OGL-UK-3.0', 'url'],
    ['https://nationalarchives.gov.uk/doc/open-government-licence/version/3/', 'OGL-UK-3.0', 'url'],
    ['http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/open-government-licence.htm', 'OGL-UK-3.0', 'url'],
    ['http://www.nationalarchives.gov.uk/doc/open-government-licence/version/2/ ', 'OGL-UK-2.0', 'url'],
    ['http://www.nationalarchives.gov.uk/doc/open-government-licence/version/1/', 'OGL-UK-1.0', 'url'],
    ['http://reference.data.gov.uk/id/open-government-licence', 'OGL-UK-3.0', 'url'],
    ['http://www.nationalarchives.gov.uk/doc/non-commercial-government-licence/version/2/', 'NCGL-UK-2.0', 'url'],
    ['https://creativecommons.org/licenses/by/4.0/legalcode', 'CC-BY-4.0', 'url'],
    ['https://creativecommons.org/licenses/by/4.0/legalcode.en', 'CC-BY-4.0', 'url'],
    ['http://creativecommons.org/licenses/by/4.0/deed.en', 'CC-BY-4.0', 'url'],
    ['https://creativecommons.org/licenses/by/4.0', 'CC-BY-4.0', 'url'],
    ['http://creativecommons.org/licenses/by-sa/3.0/', 'CC-BY-SA-3.0', 'url'],
    ['https://creativecommons.org/licenses/by-nc-nd/4.0/', 'CC-BY-NC-ND-4.0', 'url'],
    ['https://creativecommons.org/licenses/by-sa/2.0/uk/', 'CC-BY-SA-2.0-UK', 'url'],
    ['https://creativecommons.org/publicdomain/zero/1.0/', 'CC0-1.0', 'url'],
    ['https://creativecommons.org/publicdomain/zero/1.0/legalcode', 'CC0-1.0', 'url'],
    ['http://opendatacommons.org/licenses/odbl/1.0/', 'ODbL-1.0', 'url'],
    ['https://opendatacommons.org/licenses/odbl/1-0/', 'ODbL-1.0', 'url'],
    ['http://opendatacommons.org/licenses/odbl/summary/', 'ODbL-1.0', 'url'],
    ['http://opendatacommons.org/licenses/pddl/', 'PDDL-1.0', 'url'],
    ['http://opendatacommons.org/licenses/pddl/1.0/', 'PDDL-1.0', 'url'],
    ['http://opendatacommons.org/licenses/by/1.0/', 'ODC-By-1.0', 'url'],
    ['http://www.opendefinition.org/licenses/cc-by', 'cc-by', 'url'],
    ['https://opendefinition.org/licenses/odc-odbl', 'ODbL-1.0', 'url'],
    ['https://spdx.org/licenses/CC-BY-4.0.html', 'CC-BY-4.0', 'url'],
    ['https://spdx.org/licenses/OGL-UK-3.0', 'OGL-UK-3.0', 'url'],
    ['http://dcat-ap.de/def/licenses/cc-zero', 'CC0-1.0', 'url'],
    ['www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', 'OGL-UK-3.0', 'url'],
    ['<http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/>', 'OGL-UK-3.0', 'url'],
    ['http://www.ordnancesurvey.co.uk/business-and-government/licensing/using-creating-data-with-os-products/os-opendata.html', 'OS-OpenData', 'url'],
    // Titles
    ['Open Government Licence v3.0', 'OGL-UK-3.0', 'title'],
    ['Open Government Licence version 3', 'OGL-UK-3.0', 'title'],
    ['Open Government License v3', 'OGL-UK-3.0', 'title'],
    ['OPEN GOVERNMENT LICENCE V3.0', 'OGL-UK-3.0', 'title'],
    ['UK Open Government Licence (OGL)', 'OGL-UK-3.0', 'title'],
    ['Open Government Licence 3.0 (United Kingdom)', 'OGL-UK-3.0', 'title'],
    ['OGL v3', 'OGL-UK-3.0', 'title'],
    ['OGLv3', 'OGL-UK-3.0', 'title'],
    ['OGL v2.0', 'OGL-UK-2.0', 'title'],
    ['Open Government Licence v2', 'OGL-UK-2.0', 'title'],
    ['Creative Commons Attribution 4.0', 'CC-BY-4.0', 'title'],
    ['Creative Commons Attribution 4.0 International License', 'CC-BY-4.0', 'title'],
    ['Creative Commons Attribution 4.0 International (CC BY 4.0)', 'CC-BY-4.0', 'title'],
    ['CC BY 4.0', 'CC-BY-4.0', 'title'],
    ['CC BY-SA 4.0', 'CC-BY-SA-4.0', 'title'],
    ['Creative Commons Attribution-ShareAlike 4.0 International', 'CC-BY-SA-4.0', 'title'],
    ['Attribution-NonCommercial-NoDerivatives 4.0 International', 'CC-BY-NC-ND-4.0', 'title'],
    ['Creative Commons Attribution-NonCommercial 4.0', 'CC-BY-NC-4.0', 'title'],
    ['Creative Commons Attribution', 'cc-by', 'title'],
    ['Creative Commons CCZero', 'CC0-1.0', 'title'],
    ['CC0', 'CC0-1.0', 'id'],
    ['Open Data Commons Open Database License (ODbL)', 'ODbL-1.0', 'title'],
    ['ODbL', 'ODbL-1.0', 'title'],
    ['Open Data Commons Public Domain Dedication and License v1.0', 'PDDL-1.0', 'title'],
    ['public_domain_dedication_and_license', 'PDDL-1.0', 'title'],
    ['Open Data Commons Attribution License', 'ODC-By-1.0', 'title'],
    ['Non-Commercial Government Licence', 'NCGL-UK-2.0', 'title'],
    ['License Not Specified', 'notspecified', 'title'],
    ['Other (Not Open)', 'other-closed', 'title'],
    ['All rights reserved', 'all-rights-reserved', 'title'],
    ['Open Parliament Licence v3.0', 'OPL-UK-3.0', 'title'],
    // Free text that mentions a licence
    ['Contains public sector information licensed under the Open Government Licence v3.0.', 'OGL-UK-3.0', 'text'],
    ['Licensed under CC BY-NC 4.0 for research only', 'CC-BY-NC-4.0', 'text'],
    ['© Acme Ltd 2020. All rights reserved.', 'all-rights-reserved', 'text'],
    ['See http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/ for terms', 'OGL-UK-3.0', 'text'],
  ])('%s → %s (%s)', (value, id, method) => {
    expect(recognised(value)).toEqual({id, method})
  })

  it.each([
    ['http://www.nationalarchives.gov.uk/doc/open-government-licence/', 'OGL-UK-3.0', 'url'],
    ['https://www.nationalarchives.gov.uk/doc/open-government-licence', 'OGL-UK-3.0', 'url'],
    ['http://www.nationalarchives.gov.uk/doc/open-government-licence/open-government-licence.htm', 'OGL-UK-3.0', 'url'],
    ['OGL', 'OGL-UK-3.0', 'title'],
    ['Open Government Licence', 'OGL-UK-3.0', 'title'],
    ['Released under the OGL', 'OGL-UK-3.0', 'text'],
    ['http://www.nationalarchives.gov.uk/doc/non-commercial-government-licence/', 'NCGL-UK-2.0', 'url'],
  ])('reads the version-less %s as %s, saying the version was assumed', (value, id, method) => {
    expect(recognised(value)).toEqual({id, method, versionAssumed: true})
  })

  it('reads a Creative Commons port the table lacks as its unported licence, naming the port', () => {
    expect(recognised('https://creativecommons.org/licenses/by/3.0/nz/')).toEqual({id: 'CC-BY-3.0', method: 'url', port: 'NZ'})
    expect(recognised('https://creativecommons.org/licenses/by-nc/2.5/scotland/legalcode')).toEqual({id: 'CC-BY-NC-2.5', method: 'url', port: 'SCOTLAND'})
  })

  it.each(['', '   ', 'foo', 'Trafford Data Licence', 'https://example.org/licence', 'http://www.nationalarchives.gov.uk/doc/', 'licence', 'Attribution required'])(
    'does not recognise %j',
    (value) => {
      expect(recogniseLicence(value)).toBeUndefined()
    },
  )

  it('does not take plain "Crown copyright" in a rights statement for a licence', () => {
    expect(recogniseLicence('© Crown copyright and database right 2024')).toBeUndefined()
  })
})

describe('recogniseLicenceRef', () => {
  it('tries the URL, then the raw value, then the title, and says which matched', () => {
    const match = recogniseLicenceRef({raw: 'uk-ogl', url: 'http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/', title: 'UK Open Government Licence (OGL)'})
    expect([match?.licence.id, match?.field, match?.method]).toEqual(['OGL-UK-3.0', 'url', 'url'])
    const byTitle = recogniseLicenceRef({raw: 'local-licence-7', url: 'https://example.org/terms', title: 'Creative Commons Attribution 4.0'})
    expect([byTitle?.licence.id, byTitle?.field, byTitle?.method]).toEqual(['CC-BY-4.0', 'title', 'title'])
    expect(recogniseLicenceRef({raw: 'local-licence-7'})).toBeUndefined()
    expect(recogniseLicenceRef(undefined)).toBeUndefined()
  })
})

describe('licence table facts', () => {
  it.each([
    // id, open, attribution, shareAlike, certificate
    ['OGL-UK-3.0', true, true, false, 'ogl_uk'],
    ['OGL-UK-2.0', true, true, false, 'ogl_uk'],
    ['OGL-UK-1.0', true, true, false, 'ogl_uk'],
    ['CC-BY-4.0', true, true, false, 'cc_by'],
    ['CC-BY-3.0', true, true, false, 'cc_by'],
    ['CC-BY-2.5', true, true, false, 'cc_by'],
    ['CC-BY-3.0-AU', true, true, false, 'cc_by'],
    ['CC-BY-SA-4.0', true, true, true, 'cc_by_sa'],
    ['CC0-1.0', true, false, false, 'cc_zero'],
    ['ODC-By-1.0', true, true, false, 'odc_by'],
    ['ODbL-1.0', true, true, true, 'odc_odbl'],
    ['PDDL-1.0', true, false, false, 'odc_pddl'],
    ['cc-by', true, true, false, 'cc_by'],
    ['cc-by-sa', true, true, true, 'cc_by_sa'],
    ['OGL-Canada-2.0', true, true, false, 'other'],
    ['CC-BY-NC-4.0', false, true, false, 'other'],
    ['CC-BY-NC-SA-2.0-UK', false, true, true, 'other'],
    ['CC-BY-ND-4.0', false, true, false, 'other'],
    ['NCGL-UK-2.0', false, true, false, 'other'],
    ['other-closed', false, null, null, 'other'],
    ['ukcrown', false, null, null, 'other'],
    ['all-rights-reserved', false, null, null, 'other'],
    ['other-open', true, null, null, 'other'],
    ['other-at', true, true, null, 'other'],
    ['MIT', null, null, null, 'other'],
  ])('%s: open %s, attribution %s, share-alike %s, certificate %s', (id, open, attribution, shareAlike, certificate) => {
    const licence = licenceById(id)
    expect(licence && [licence.open, licence.attribution, licence.shareAlike, licence.certificate]).toEqual([open, attribution, shareAlike, certificate])
  })

  it('marks non-commercial and no-derivatives terms', () => {
    expect(['CC-BY-NC-4.0', 'NCGL-UK-2.0', 'cc-nc', 'other-nc'].map((id) => licenceById(id)?.nonCommercial)).toEqual([true, true, true, true])
    expect(['CC-BY-ND-4.0', 'CC-BY-NC-ND-3.0'].map((id) => licenceById(id)?.noDerivatives)).toEqual([true, true])
    expect(licenceById('OGL-UK-3.0')?.nonCommercial).toBe(false)
  })

  it('marks OGL v1.0 superseded by v3.0 and CKAN notspecified as a placeholder', () => {
    expect(licenceById('OGL-UK-1.0')).toMatchObject({status: 'superseded', supersededBy: 'OGL-UK-3.0'})
    expect(licenceById('notspecified')?.notSpecified).toBe(true)
  })

  it('says where every fact of every licence comes from', () => {
    const facts = ['open', 'attribution', 'shareAlike', 'certificate'] as const
    const missing = licences.filter((l) => facts.some((f) => l[f] !== null && l[f] !== 'other' && !l.source[f] && !l.source['*']))
    expect(missing.map((l) => l.id)).toEqual([])
  })

  it('has ids unique regardless of case', () => {
    const ids = licences.map((l) => l.id.toLowerCase())
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('recognises every data licence by each id, title and URL it lists', () => {
    const data = licences.filter((l) => l.family || l.domains?.data || l.generic)
    expect(data.length).toBeGreaterThan(60)
    const wrong: string[] = []
    for (const l of data) {
      for (const value of [l.id, l.title, ...l.ids, ...l.aliases, ...l.urls]) {
        const match = recogniseLicence(value)
        if (match?.licence.id !== l.id) wrong.push(`${l.id}: ${value} → ${match?.licence.id}`)
      }
    }
    expect(wrong).toEqual([])
  })
})

describe('normalised keys', () => {
  it('compares URLs without scheme, www, case, trailing slash, query or fragment', () => {
    expect(urlKey('HTTPS://WWW.NationalArchives.gov.uk/doc/open-government-licence/version/3/?x=1#top')).toBe('nationalarchives.gov.uk/doc/open-government-licence/version/3')
    expect(urlKey('not a url')).toBeUndefined()
    expect(urlKey('ftp://example.org/licence')).toBeUndefined()
  })

  it('compares titles without licence/license, version words, punctuation or CC element spelling', () => {
    expect(titleKey('Creative Commons Attribution-ShareAlike 4.0 International Public License')).toBe('cc by sa 4.0')
    expect(titleKey('CC BY-SA 4.0')).toBe('cc by sa 4.0')
    expect(titleKey('Open Government License, version 3')).toBe('open government 3.0')
    expect(titleKey('Attribution-NoDerivs 3.0 Unported')).toBe('by nd 3.0')
  })
})
