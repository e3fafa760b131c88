/** Collects the errors and warnings met while processing CSVW metadata, with their line and column. */
import {positionOf, type Positions} from './json-positions.js'
import type {CsvwProblem} from './types.js'

/** One metadata document being read: its name in reports and where its values are. */
export interface DocumentRef {
  /** Absolute URL. */
  url: string
  /** How reports name it. */
  name: string
  positions?: Positions
}

export class Problems {
  readonly list: CsvwProblem[] = []

  add(severity: CsvwProblem['severity'], code: string, message: string, doc: DocumentRef, pointer?: string, extra: Partial<CsvwProblem> = {}): void {
    const problem: CsvwProblem = {severity, code, message, file: doc.name, url: doc.url, ...extra}
    if (pointer !== undefined) problem.pointer = pointer || '/'
    const position = positionOf(doc.positions, pointer)
    if (position && problem.line === undefined) {
      problem.line = position.line
      problem.column = position.column
    }
    this.list.push(problem)
  }

  error(code: string, message: string, doc: DocumentRef, pointer?: string, extra?: Partial<CsvwProblem>): void {
    this.add('error', code, message, doc, pointer, extra)
  }

  warning(code: string, message: string, doc: DocumentRef, pointer?: string, extra?: Partial<CsvwProblem>): void {
    this.add('warning', code, message, doc, pointer, extra)
  }
}

/** A JSON value as it appears in a message: short, and its type plain. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}
