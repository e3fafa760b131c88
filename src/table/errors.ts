import {open, type FileHandle} from 'node:fs/promises'

/** A table that cannot be read at all. The engine turns it into a `source-error` finding. */
export class SourceError extends Error {
  constructor(
    readonly reason: 'missing' | 'unreadable' | 'empty' | 'binary' | 'not-a-table' | 'encoding',
    message: string,
  ) {
    super(message)
    this.name = 'SourceError'
  }
}

/** Opens a file to read, or throws the SourceError a user reads: missing, or unreadable with the system's code. */
export async function openSource(path: string, name: string): Promise<FileHandle> {
  try {
    return await open(path, 'r')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new SourceError('missing', `${name} does not exist. Check the path.`)
    throw new SourceError('unreadable', `${name} cannot be read (${code ?? String(error)}). Check its permissions.`)
  }
}
