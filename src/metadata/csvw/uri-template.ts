/**
 * RFC 6570 URI templates (all four levels), as CSVW's aboutUrl, propertyUrl and valueUrl use
 * them: `http://example.org/tree/{GID}`, `{#_name}`, `{+url}-metadata.json`.
 */

type Value = string | string[] | Record<string, string> | undefined

interface VarSpec {
  name: string
  explode: boolean
  prefix?: number
}

interface Expression {
  operator: string
  vars: VarSpec[]
}

type Part = string | Expression

const OPERATORS: Record<string, {first: string; sep: string; named: boolean; ifEmpty: string; allowReserved: boolean}> = {
  '': {first: '', sep: ',', named: false, ifEmpty: '', allowReserved: false},
  '+': {first: '', sep: ',', named: false, ifEmpty: '', allowReserved: true},
  '#': {first: '#', sep: ',', named: false, ifEmpty: '', allowReserved: true},
  '.': {first: '.', sep: '.', named: false, ifEmpty: '', allowReserved: false},
  '/': {first: '/', sep: '/', named: false, ifEmpty: '', allowReserved: false},
  ';': {first: ';', sep: ';', named: true, ifEmpty: '', allowReserved: false},
  '?': {first: '?', sep: '&', named: true, ifEmpty: '=', allowReserved: false},
  '&': {first: '&', sep: '&', named: true, ifEmpty: '=', allowReserved: false},
}

const VARNAME = /^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:\.?(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2}))*$/

/** Parses a template; a string explains why it is not a valid RFC 6570 template. */
export function parseUriTemplate(template: string): Part[] | string {
  const parts: Part[] = []
  let i = 0
  while (i < template.length) {
    const open = template.indexOf('{', i)
    const close = template.indexOf('}', i)
    if (close >= 0 && (open < 0 || close < open)) return `"}" at character ${close + 1} closes no expression`
    if (open < 0) {
      parts.push(template.slice(i))
      break
    }
    if (open > i) parts.push(template.slice(i, open))
    const end = template.indexOf('}', open)
    if (end < 0) return `the expression opened at character ${open + 1} is never closed`
    let body = template.slice(open + 1, end)
    let operator = ''
    if (body && '+#./;?&'.includes(body[0])) {
      operator = body[0]
      body = body.slice(1)
    } else if (body && '=,!@|'.includes(body[0])) return `"${body[0]}" is a reserved operator`
    const vars: VarSpec[] = []
    for (const spec of body.split(',')) {
      const m = /^(.+?)(?:(\*)|:(\d{1,4}))?$/.exec(spec)
      if (!m || !VARNAME.test(m[1])) return `"${spec}" is not a variable name`
      vars.push({name: decodeURIComponent(m[1]), explode: Boolean(m[2]), prefix: m[3] ? Number(m[3]) : undefined})
    }
    parts.push({operator, vars})
    i = end + 1
  }
  return parts
}

function encode(text: string, allowReserved: boolean): string {
  const keep = allowReserved ? /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/ : /[A-Za-z0-9\-._~]/
  let out = ''
  for (const ch of text) {
    if (keep.test(ch)) out += ch
    else out += encodeURIComponent(ch).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  }
  // Keep existing percent-escapes intact only when reserved characters are allowed.
  return allowReserved ? out.replace(/%(?![0-9A-Fa-f]{2})/g, '%25') : out
}

function expandExpression({operator, vars}: Expression, values: Record<string, Value>): string {
  const op = OPERATORS[operator]
  const out: string[] = []
  for (const v of vars) {
    const value = values[v.name]
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue
    if (typeof value === 'string') {
      const text = encode(v.prefix !== undefined ? [...value].slice(0, v.prefix).join('') : value, op.allowReserved)
      out.push(op.named ? `${v.name}${value === '' ? op.ifEmpty : `=${text}`}` : text)
    } else if (Array.isArray(value)) {
      const items = value.map((x) => encode(x, op.allowReserved))
      if (v.explode) out.push(items.map((x) => (op.named ? `${v.name}=${x}` : x)).join(op.sep))
      else out.push(`${op.named ? `${v.name}=` : ''}${items.join(',')}`)
    } else {
      const pairs = Object.entries(value)
      if (pairs.length === 0) continue
      if (v.explode) out.push(pairs.map(([k, x]) => `${encode(k, op.allowReserved)}=${encode(x, op.allowReserved)}`).join(op.sep))
      else out.push(`${op.named ? `${v.name}=` : ''}${pairs.flatMap(([k, x]) => [encode(k, op.allowReserved), encode(x, op.allowReserved)]).join(',')}`)
    }
  }
  return out.length ? op.first + out.join(op.sep) : ''
}

export function expandUriTemplate(template: string | Part[], values: Record<string, Value>): string {
  const parts = typeof template === 'string' ? parseUriTemplate(template) : template
  if (typeof parts === 'string') throw new Error(parts)
  return parts.map((p) => (typeof p === 'string' ? p : expandExpression(p, values))).join('')
}
