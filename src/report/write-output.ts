/** Writes odcheck's own output files atomically (temp file + rename) and never over an existing file unless forced. */
import {randomBytes} from 'node:crypto'
import {mkdir, rename, stat, unlink, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

export class OutputExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists. Use --force to overwrite it, or choose another path.`)
  }
}

export async function writeOutputFile(path: string, content: string, force: boolean): Promise<void> {
  if (!force) {
    const exists = await stat(path).then(
      () => true,
      () => false,
    )
    if (exists) throw new OutputExistsError(path)
  }
  await mkdir(dirname(path), {recursive: true})
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    await writeFile(temp, content, 'utf8')
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}
