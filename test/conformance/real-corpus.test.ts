/** Every real UK dataset in ../shared/corpus/real gives a report, never a crash (exit 0 or 1, never 2). */
import {readdirSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'
import {describe, expect, it} from 'vitest'
import {odcheck} from '../helpers/cli.js'
import {hasShared, sharedDir, skipReason} from './shared.js'

const realDir = join(sharedDir, 'corpus', 'real')

function tables(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return tables(path)
    return /\.(csv|tsv|txt)$/i.test(name) && name !== 'README.md' ? [path] : []
  })
}

describe.skipIf(!hasShared)(hasShared ? 'real council data' : skipReason, () => {
  const files = hasShared ? tables(realDir) : []
  it.each(files.map((f) => [relative(realDir, f), f]))('%s gives a report', async (_name, file) => {
    const r = await odcheck(['check', file, '--json'])
    expect(r.stderr).toBe('')
    expect([0, 1]).toContain(r.code)
    const report = JSON.parse(r.stdout)
    expect(report.reportVersion).toBe(1)
    expect(report.resources).toHaveLength(1)
  })
})
