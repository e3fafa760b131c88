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
