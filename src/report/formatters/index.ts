/** Output formats by name. */
import type {Formatter} from './formatter.js'
import {github} from './github.js'
import {htmlFormatter} from './html/index.js'
import {json} from './json.js'
import {junit} from './junit.js'
import {markdown} from './markdown.js'
import {odiJson} from './odi-json.js'
import {sarif} from './sarif.js'
import {stylish} from './stylish.js'

export const formatters: Record<string, Formatter> = {stylish, json, sarif, junit, github, markdown, 'odi-json': odiJson, html: htmlFormatter}

export const FORMAT_NAMES = Object.keys(formatters)
