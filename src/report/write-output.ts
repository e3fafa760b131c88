/**
 * Writes odcheck's own output files atomically (temp file + rename) and never over an existing
 * file unless forced. A device or pipe given as the path (`/dev/stdout`, `/dev/null`, a FIFO) is
 * written to as it is: renaming a file over it would replace it with a plain file.
 */
import {randomBytes} from 'node:crypto'
import type {Stats} from 'node:fs'
import {mkdir, rename, stat, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

/** An output path odcheck will not write to; the message says why and what to do. */
export class OutputPathError extends Error {}

export class OutputExistsError extends OutputPathError {
  constructor(readonly path: string) {
    super(`${path} already exists. Use --force to overwrite it, or choose another path.`)
  }
}

const STANDARD_STREAMS: Record<string, NodeJS.WriteStream> = {'/dev/stdout': process.stdout, '/dev/stderr': process.stderr}

/** A pipe or device. The standard streams are written through the process's own: opened by name, a socket (as under some CI runners) refuses. */
async function writeToDevice(path: string, content: string): Promise<void> {
  const stream = STANDARD_STREAMS[path]
  if (stream) {
    await new Promise<void>((resolve, reject) => stream.write(content, (error) => (error ? reject(error) : resolve())))
    return
  }
  try {
    await writeFile(path, content, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new OutputPathError(`${path} cannot be written to (${code ?? String(error)}). Give the path of a file, or --format NAME without a path to print to the terminal.`)
  }
}

/**
 * Refuses an output path before any work is done, for the reasons writeOutputFile would refuse
 * it after: a check of a large file should not run for a minute and then fail to save its report.
 */
export async function assertWritableOutput(path: string, force: boolean): Promise<Stats | undefined> {
  const existing = await stat(path).catch(() => undefined)
  if (existing?.isDirectory()) throw new OutputPathError(`${path} is a folder. Give the path of a file to write, such as ${join(path, 'report.json')}.`)
  if (existing?.isFile() && !force) throw new OutputExistsError(path)
  return existing
}

export async function writeOutputFile(path: string, content: string, force: boolean): Promise<void> {
  const existing = await assertWritableOutput(path, force)
  if (existing && !existing.isFile()) {
    await writeToDevice(path, content)
    return
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await mkdir(dirname(path), {recursive: true})
    await writeFile(temp, content, 'utf8')
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code
    if (code) throw new OutputPathError(`${path} cannot be written (${code}). Choose a path in a folder you can write to.`)
    throw error
  }
}
