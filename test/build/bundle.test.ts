/**
 * The CLI runs from the rolldown bundle (dist-bundle/, scripts/bundle.mjs), where a module's code
 * sits in whichever chunk the bundler chose. These tests run the built CLI the way users do and
 * check what the bundle could break: the worker threads of a large file, a user's own check module
 * loaded in them, and odcheck's own files found from the package folder.
 */
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {DEFAULT_MIN_PARALLEL_BYTES} from '../../src/engine/parallel.js'
import {buildDir, ownModuleUrl, packageRoot} from '../../src/load/package-root.js'
import {odcheck, repoRoot} from '../helpers/cli.js'

// Records, in each chunk's state, the thread that read it and the file of the engine code that called the hook.
const probePlugin = `
import {threadId} from 'node:worker_threads'
const caller = () => (new Error().stack ?? '').split('\\n').slice(2).find((line) => !line.includes('probe.js')) ?? ''
export const checks = [{
  name: 'thread-probe',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {default: 'threads {{threads}}'},
  create: () => ({
    init: () => ({threads: [threadId], callers: [caller()], rows: 0}),
    row(state) { state.rows++ },
    merge: (a, b) => ({threads: [...new Set([...a.threads, ...b.threads])], callers: [...a.callers, ...b.callers], rows: a.rows + b.rows}),
    end(state, head, stats, report) { report({details: state}) },
  }),
}]
export const ruleSets = {probe: {rules: [{id: 'thread-probe', severity: 'info', description: 'Which threads read the rows.', docs: 'https://example.org/probe', tags: ['#structure'], check: 'thread-probe', options: {}}]}}
`

let dir: string
const ROWS_PER_BLOCK = 10_000
let rowsWritten = 0

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist-bundle', 'cli.js'))) throw new Error('dist-bundle/ is missing: run `npm run build` first (npm test does).')
  dir = mkdtempSync(join(tmpdir(), 'odcheck-bundle-'))
  writeFileSync(join(dir, 'probe.js'), probePlugin)
  writeFileSync(join(dir, '.odcheck.yaml'), 'plugins: [./probe.js]\nextends: [odcheck:recommended, probe]\n')
  // Just over the size from which the CLI checks a file on worker threads.
  const block = Buffer.from(Array.from({length: ROWS_PER_BLOCK}, (_, i) => `${i},Supplier ${i % 97} Ltd,${(i * 37) % 10_000}.25\n`).join(''))
  const blocks = Math.ceil(DEFAULT_MIN_PARALLEL_BYTES / block.length) + 1
  rowsWritten = blocks * ROWS_PER_BLOCK
  writeFileSync(join(dir, 'large.csv'), Buffer.concat([Buffer.from('id,supplier,amount\n'), ...Array.from({length: blocks}, () => block)]))
})

afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true})
})

describe('the bundled CLI', () => {
  it("checks a large file on worker threads running the bundle, with the user's own check module loaded in each", async () => {
    const r = await odcheck(['check', 'large.csv', '--jobs', '2', '--only', 'thread-probe', '--json'], {cwd: dir})
    expect(r.stderr).toBe('')
    const finding = JSON.parse(r.stdout).findings.find((f: {rule: string}) => f.rule === 'thread-probe')
    const {threads, callers, rows} = finding.details as {threads: number[]; callers: string[]; rows: number}
    expect(rows).toBe(rowsWritten)
    // Thread 0 is the main thread: every chunk was read by a worker.
    expect(threads.length).toBeGreaterThan(0)
    expect(threads).not.toContain(0)
    for (const line of callers) expect(line).toContain(`${pathToFileURL(join(repoRoot, 'dist-bundle')).href}/`)
  }, 120_000)
})

describe('package paths', () => {
  it('finds the package folder and the running build from any module, not by counting folders', () => {
    expect(packageRoot).toBe(repoRoot)
    expect(buildDir).toBe(join(repoRoot, 'src'))
    expect(ownModuleUrl('checks/index')).toBe(pathToFileURL(join(repoRoot, 'src', 'checks', 'index.ts')).href)
  })
})
