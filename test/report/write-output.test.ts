/**
 * odcheck's own output files: written atomically and never over a file without --force; a pipe
 * or device (/dev/stdout, /dev/null, a FIFO) is written to as it is, not replaced by a file.
 */
import {execFileSync} from 'node:child_process'
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {OutputExistsError, OutputPathError, writeOutputFile} from '../../src/report/write-output.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'odcheck-write-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('writeOutputFile', () => {
  it('writes into a named pipe and leaves it a pipe', async () => {
    const fifo = join(dir, 'report.pipe')
    execFileSync('mkfifo', [fifo])
    const read = readFile(fifo, 'utf8')
    await writeOutputFile(fifo, '{"valid":true}', false)
    expect(await read).toBe('{"valid":true}')
    expect((await stat(fifo)).isFIFO()).toBe(true)
  })

  it('refuses an existing file without force, and replaces it with force', async () => {
    const file = join(dir, 'report.json')
    await writeFile(file, 'keep me')
    await expect(writeOutputFile(file, 'new', false)).rejects.toBeInstanceOf(OutputExistsError)
    expect(await readFile(file, 'utf8')).toBe('keep me')
    await writeOutputFile(file, 'new', true)
    expect(await readFile(file, 'utf8')).toBe('new')
  })

  it('refuses a folder, even with force', async () => {
    await expect(writeOutputFile(dir, 'x', true)).rejects.toThrow(OutputPathError)
    await expect(writeOutputFile(dir, 'x', true)).rejects.toThrow(/is a folder/)
  })
})
