/** The README's command reference and rule list, and docs/rules.md, are generated: they must match the code and rule sets; its sample report must match what odcheck prints. */
import {execFile} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {expect, it} from 'vitest'
import {odcheck} from './helpers/cli.js'

const root = join(import.meta.dirname, '..')

it('README.md and docs/rules.md are up to date with the rules and commands (run npm run docs)', async () => {
  const result = await new Promise<{code: number; stderr: string}>((resolve) => {
    execFile(process.execPath, [join(root, 'scripts', 'generate-docs.mjs'), '--check'], {cwd: root}, (error, _stdout, stderr) =>
      resolve({code: error ? Number(error.code ?? 1) : 0, stderr}),
    )
  })
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
})

it("README's sample report is what odcheck prints for that example today", async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const sample = /```text\n\$ npx odcheck check (\S+)\n([\s\S]*?)```/.exec(readme)
  expect(sample, 'README.md has a ```text block starting "$ npx odcheck check PATH"').not.toBeNull()
  const result = await odcheck(['check', sample![1]])
  expect(result.stdout).toBe(sample![2])
})
