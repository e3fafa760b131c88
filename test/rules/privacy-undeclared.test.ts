/**
 * personal-data-undeclared: metadata that declares the data not personal, checked against
 * what the personal-data scan found in the same run (RunOptions.metadata, as the loaders give it).
 */
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/commands/check.js'
import {loadConfig} from '../../src/engine/config.js'
import {run} from '../../src/engine/run.js'
import type {RuleSetting} from '../../src/engine/select.js'
import type {DatasetMetadata, PersonalDataDeclaration} from '../../src/metadata/model.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const dataDir = join(fixturesDir, 'personal-data')

function declaring(personalData?: PersonalDataDeclaration): DatasetMetadata {
  return {
    source: {format: 'odcheck', path: join(dataDir, 'odcheck.yaml')},
    title: 'Staff directory',
    keywords: [],
    themes: [],
    language: [],
    distributions: [],
    personalData,
    evidence: personalData ? {personalData: 'personalData'} : {},
  }
}

async function undeclared(files: string[], metadata: DatasetMetadata[], options: {only?: string[]; settings?: Record<string, RuleSetting>} = {}) {
  const config = await loadConfig({cwd: dataDir, searchFrom: dataDir, builtInChecks: builtInChecksUrl})
  const result = await run({
    inputs: files.map((f) => join(dataDir, f)),
    cwd: dataDir,
    config,
    only: options.only ?? ['personal-data', 'personal-data-undeclared'],
    ruleSettings: options.settings,
    metadata,
  })
  const findings = result.dataset?.findings.filter((f) => f.rule === 'personal-data-undeclared') ?? []
  return {findings, resource: result.dataset?.resource}
}

describe('personal-data-undeclared', () => {
  it('reports one finding naming every column and kind the scan found, against the metadata file', async () => {
    const {findings, resource} = await undeclared(['people.csv', 'free-text.csv'], [declaring('not_personal')])
    expect(findings).toHaveLength(1)
    expect(resource).toBe('odcheck.yaml')
    expect(findings[0].severity).toBe('error')
    const details = findings[0].details!
    expect(details).toMatchObject({declared: 'not_personal', declaredBy: ['odcheck'], evidence: 'personalData', scanRule: 'personal-data', columnCount: 13})
    expect(details.kinds).toEqual(['bank-account', 'date-of-birth', 'email', 'ip-address', 'nhs-number', 'nino', 'payment-card', 'person-name', 'phone', 'postcode'])
    expect(details.columns).toContainEqual({resource: 'free-text.csv', fieldNumber: 2, fieldName: 'summary', kind: 'email'})
    expect(details.columns).toContainEqual({resource: 'people.csv', fieldNumber: 5, fieldName: 'ni_number', kind: 'nino'})
    expect(findings[0].message).toContain('not_personal')
  })

  it('says nothing when the declaration agrees with the scan', async () => {
    expect((await undeclared(['people.csv'], [declaring('individual')])).findings).toEqual([])
    expect((await undeclared(['business.csv', 'spend.csv'], [declaring('not_personal')])).findings).toEqual([])
    expect((await undeclared(['people.csv'], [declaring(undefined)])).findings).toEqual([])
    expect((await undeclared(['people.csv'], [])).findings).toEqual([])
  })

  it('checks every metadata source, not only the first', async () => {
    const {findings} = await undeclared(['free-text.csv'], [declaring(undefined), {...declaring('not_personal'), source: {format: 'ckan', path: join(dataDir, 'package.json')}}])
    expect(findings).toHaveLength(1)
    expect(findings[0].details).toMatchObject({declaredBy: ['ckan'], columnCount: 1})
  })

  it('cannot judge when the scan rule did not run', async () => {
    const {findings} = await undeclared(['people.csv'], [declaring('not_personal')], {only: ['personal-data-undeclared']})
    expect(findings).toEqual([])
  })

  it('reads the scan rule and the contradicting declarations from its options', async () => {
    const elsewhere = await undeclared(['people.csv'], [declaring('not_personal')], {settings: {'personal-data-undeclared': {options: {scanRule: 'my-personal-data-scan'}}}})
    expect(elsewhere.findings).toEqual([])
    const summarised = await undeclared(['people.csv'], [declaring('summarised')], {settings: {'personal-data-undeclared': {options: {declarations: ['not_personal', 'summarised']}}}})
    expect(summarised.findings.map((f) => f.details?.declared)).toEqual(['summarised'])
  })
})
