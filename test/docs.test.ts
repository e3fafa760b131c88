/** The README's command reference and rule list, and docs/rules.md, are generated: they must match the code and rule sets. */
import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {expect, it} from 'vitest'

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
