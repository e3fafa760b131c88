/**
 * JUnit XML for CI test reports (GitLab, Jenkins, Azure Pipelines): one testsuite per table,
 * one testcase per rule that ran on it, so passes are recorded as well as failures. A failing
 * testcase lists the rule's findings; rules on a table that could not be read are skipped.
 */
import type {Finding} from '../../engine/types.js'
import type {RuleResult} from '../types.js'
import type {Formatter} from './formatter.js'
import {describeLocation, findingsByResource, plural} from './group.js'
import {relativeResourcePath} from './paths.js'
import {escapeAttribute, escapeText} from './xml.js'

const SOURCE_ERROR_RULE = 'source-error'

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join('')
}

function failureBody(result: RuleResult, findings: Finding[]): string {
  const lines = findings.map((f) => `${describeLocation(f)}: ${f.message}`)
  const unlisted = result.count - findings.length
  if (unlisted > 0) lines.push(`… and ${unlisted} more not listed (${result.count} in all)`)
  if (result.suppressed) lines.push(`${result.suppressed} suppressed`)
  return lines.join('\n')
}

function testcase(name: string, result: RuleResult, findings: Finding[], notRead: boolean): string {
  const head = `    <testcase${attributes({name: result.rule, classname: name})}`
  if (result.status === 'fail') {
    const message = `${plural(result.count, result.severity)} from ${result.rule}`
    return `${head}>\n      <failure${attributes({message, type: result.severity})}>${escapeText(failureBody(result, findings))}</failure>\n    </testcase>`
  }
  if (notRead && result.rule !== SOURCE_ERROR_RULE) {
    return `${head}>\n      <skipped${attributes({message: `${name} could not be read`})}/>\n    </testcase>`
  }
  return `${head}/>`
}

export const junit: Formatter = (report, {cwd}) => {
  const byResource = findingsByResource(report)
  let tests = 0
  let failures = 0
  let skippedTotal = 0
  const suites = report.resources.map((resource) => {
    const name = relativeResourcePath(resource.path, cwd)
    const findings = byResource.get(resource.path) ?? []
    const notRead = resource.dialect === null
    const cases = resource.results.map((result) =>
      testcase(name, result, findings.filter((f) => f.rule === result.rule), notRead),
    )
    const failed = resource.results.filter((r) => r.status === 'fail').length
    const skipped = notRead ? resource.results.filter((r) => r.status === 'pass' && r.rule !== SOURCE_ERROR_RULE).length : 0
    tests += resource.results.length
    failures += failed
    skippedTotal += skipped
    const open = `  <testsuite${attributes({name, tests: resource.results.length, failures: failed, errors: 0, skipped})}`
    return cases.length ? `${open}>\n${cases.join('\n')}\n  </testsuite>` : `${open}/>`
  })
  const root = `<testsuites${attributes({name: 'odcheck', tests, failures, errors: 0, skipped: skippedTotal})}`
  const body = suites.length ? `${root}>\n${suites.join('\n')}\n</testsuites>` : `${root}/>`
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}\n`
}
