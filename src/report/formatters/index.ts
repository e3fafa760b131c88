/** Output formats by name. */
import type {Formatter} from './formatter.js'
import {json} from './json.js'
import {stylish} from './stylish.js'

export const formatters: Record<string, Formatter> = {stylish, json}

export const FORMAT_NAMES = Object.keys(formatters)
