/** What every caster shares: a cell in, a value or INVALID out. */

/** Returned by a caster for a cell that is not a value of the field's type and format. */
export const INVALID: unique symbol = Symbol('invalid')

export type Caster = (cell: string) => unknown
