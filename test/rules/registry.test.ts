/**
 * Every rule shipped in rules/*.yaml is complete: its check is registered, its docs page
 * exists, and it has fixtures in test/fixtures/<rule-id>/ that a test reads. Fails naming
 * what is missing, so a rule cannot be added (or renamed) without docs and tests.
 */
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {builtInChecksUrl} from '../../src/engine/built-in-checks.js'
import {packageRoot} from '../../src/engine/paths.js'
import {CheckRegistry} from '../../src/engine/registry.js'
import {builtInRuleSets} from '../../src/engine/rule-sets.js'
import {fixturesDir} from '../helpers/rule-tester.js'

const testDir = join(packageRoot, 'test')

function testFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path)
    return entry.name.endsWith('.test.ts') ? [path] : []
  })
}

const sources = testFiles(testDir).map((path) => ({path, text: readFileSync(path, 'utf8')}))
const rules = [...builtInRuleSets().values()].flat()

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A test reads the rule's fixtures: through the RuleTester, findingsOf or loadFixture, or by path. */
function testsUsing(id: string): string[] {
  const q = `['"\`]${escape(id)}['"\`]`
  const pattern = new RegExp(`(?:ruleTester|findingsOf|loadFixture)\\(\\s*${q}|fixtures/${escape(id)}/|fixturesDir,\\s*${q}|rule:\\s*${q}`)
  return sources.filter((s) => pattern.test(s.text)).map((s) => relative(packageRoot, s.path))
}

describe('rule registry', () => {
  it('ships rules', () => {
    expect(rules.length).toBeGreaterThan(0)
  })

  it('has unique rule ids', () => {
    const ids = rules.map((r) => r.id)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  for (const rule of rules) {
    describe(`${rule.id} (${rule.set})`, () => {
      it(`is implemented by a registered check "${rule.check}"`, async () => {
        const registry = await CheckRegistry.load([builtInChecksUrl])
        expect(registry.get(rule.check), `no check named "${rule.check}" in src/checks/index.ts`).toBeDefined()
      })

      it(`has its docs page ${rule.docs}`, () => {
        expect(/^[a-z]+:\/\//.test(rule.docs), `docs of built-in rules live in the repository, not at ${rule.docs}`).toBe(false)
        const path = join(packageRoot, rule.docs.replace(/#.*$/, ''))
        expect(existsSync(path) && statSync(path).isFile(), `${rule.docs} does not exist`).toBe(true)
      })

      it(`has fixtures in test/fixtures/${rule.id}/ that a test uses`, () => {
        const dir = join(fixturesDir, rule.id)
        expect(existsSync(dir), `test/fixtures/${rule.id}/ does not exist`).toBe(true)
        expect(readdirSync(dir).length, `test/fixtures/${rule.id}/ is empty`).toBeGreaterThan(0)
        expect(testsUsing(rule.id), `no test reads test/fixtures/${rule.id}/ (use ruleTester('${rule.id}', ...))`).not.toEqual([])
      })
    })
  }
})
