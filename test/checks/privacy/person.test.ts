import {describe, expect, it} from 'vitest'
import {isBirthDate} from '../../../src/checks/privacy/validators/dates.js'
import {classifyPersonName} from '../../../src/checks/privacy/validators/person-name.js'
import {columnHints, labelWords} from '../../../src/checks/privacy/labels.js'

describe('person names', () => {
  it('is sure of names with a title or a common forename', () => {
    expect(classifyPersonName('Mrs C Graham', 'full')).toBe('strong')
    expect(classifyPersonName('Dr Amira Khan', 'full')).toBe('strong')
    expect(classifyPersonName('Sara Todd', 'full')).toBe('strong')
    expect(classifyPersonName('SMITH, John', 'full')).toBe('strong')
    expect(classifyPersonName('Susanna McGibbon', 'full')).toBe('strong')
    expect(classifyPersonName("Peter O'Brien", 'full')).toBe('strong')
    expect(classifyPersonName('Victoria Hall', 'full')).toBe('strong')
  })

  it('takes other name-shaped values as weaker evidence', () => {
    expect(classifyPersonName('Ezinne Okafor-Bello', 'full')).toBe('weak')
    expect(classifyPersonName('A. N. Other', 'full')).toBe('weak')
  })

  it('does not take redaction markers, companies or places for people', () => {
    for (const value of ['Redacted Personal Data', 'REDACTED', 'Acme Cleaning Ltd', 'Northern Widgets plc', 'Trafford Council', 'Example Housing Trust', 'Grove Lane', 'Riddings Hall', 'Church Street', 'Treasurer To The Queen', 'Vacant', 'Sara', 'Flat 3', 'jane doe']) {
      expect(classifyPersonName(value, 'full'), value).toBeUndefined()
    }
  })

  it('accepts single words in forename and surname columns', () => {
    // A surname alone carries no forename to raise confidence; the column's name does that.
    expect(classifyPersonName('JERROME', 'surname')).toBe('weak')
    expect(classifyPersonName("O'NEILL", 'surname')).toBe('weak')
    expect(classifyPersonName('Daniel Adam', 'forename')).toBe('strong')
    expect(classifyPersonName('Ezinne', 'forename')).toBe('weak')
    expect(classifyPersonName('Limited', 'surname')).toBeUndefined()
  })
})

describe('dates of birth', () => {
  it('accepts full dates in common UK and ISO forms', () => {
    for (const value of ['1984-03-07', '07/03/1984', '7.3.84', '7 March 1984', '07-Mar-1984', '1st June 1990', '03/25/1980']) {
      expect(isBirthDate(value, 2026), value).toBe(true)
    }
  })

  it('rejects impossible, future and partial dates', () => {
    for (const value of ['1984-02-30', '31/04/1990', '2030-01-01', '1850-01-01', '1984', '03/1984', 'March 1984', '13/13/1990']) {
      expect(isBirthDate(value, 2026), value).toBe(false)
    }
  })
})

describe('column names', () => {
  it('splits camelCase, underscores and punctuation into words', () => {
    expect(labelWords('CandidateSurname')).toEqual(['candidate', 'surname'])
    expect(labelWords('Contact_E-mail')).toEqual(['contact', 'e', 'mail'])
    expect(labelWords('NINumber')).toEqual(['ni', 'number'])
    expect(labelWords('Phone(2014)')).toEqual(['phone', '2014'])
  })

  it('reads which kind a column is named for', () => {
    expect(columnHints('Contact E-mail').kinds).toEqual(['email'])
    expect(columnHints('NI Number').kinds).toEqual(['nino'])
    expect(columnHints('NHSNo').kinds).toEqual(['nhs-number'])
    expect(columnHints('Date of Birth').kinds).toEqual(['date-of-birth'])
    expect(columnHints('Births').kinds).toEqual([])
    expect(columnHints('Sort Code').kinds).toEqual(['bank-account'])
    expect(columnHints('Ledger Account Number').kinds).toEqual([])
  })

  it('tells columns of people from columns of things', () => {
    expect(columnHints('Name')).toMatchObject({nameColumn: 'full', genericName: true})
    expect(columnHints('Contact Name(2014)')).toMatchObject({nameColumn: 'full', genericName: false})
    expect(columnHints('ReturningOfficer')).toMatchObject({nameColumn: 'full'})
    expect(columnHints('CandidateForenames')).toMatchObject({nameColumn: 'forename'})
    expect(columnHints('Surname')).toMatchObject({nameColumn: 'surname'})
    for (const label of ['Supplier Name', 'Ward_Name', 'charity_name', 'BeneficiaryName', 'Redact Name', 'Contact Phone', 'Job Title', 'Employee ID']) {
      expect(columnHints(label).nameColumn, label).toBeUndefined()
    }
    expect(columnHints('Supplier Postcode').organisation).toBe(true)
    expect(columnHints('Home Postcode').person).toBe(true)
  })
})
