import type {Formatter} from './formatter.js'

export const json: Formatter = (report) => JSON.stringify(report, null, 2) + '\n'
