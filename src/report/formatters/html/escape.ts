/**
 * HTML escaping for the report page. Every piece of text from the data or the metadata
 * (column names, values in messages, file names, titles) goes through `escapeHtml`, and the
 * `html` template tag applies it to every interpolated value, so escaping is the default and
 * markup has to be marked as such (`trusted`, or another `html` result) to get through.
 */
import {visible} from '../visible.js'

const ENTITIES: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;'}

/** Text safe in element content and in quoted attribute values; control characters from the data (an ESC, a NUL) shown as control pictures, as the terminal report shows them, where a page would show nothing. Tabs and line breaks stay: a page lays them out as white space. */
export function escapeHtml(text: string): string {
  return visible(text, true).replace(/[&<>"'`]/g, (c) => ENTITIES[c])
}

/** Markup known to be safe: built by `html`, or a constant of the formatter's own. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** Marks the formatter's own constant markup (CSS, fixed tags) as safe; never pass data here. */
export function trusted(markup: string): Html {
  return new Html(markup)
}

type Interpolation = Html | string | number | boolean | null | undefined | Interpolation[]

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return ''
  if (value instanceof Html) return value.value
  if (Array.isArray(value)) return value.map(render).join('')
  return escapeHtml(String(value))
}

/** A template tag: `html\`<td>${name}</td>\`` escapes `name` unless it is already Html; arrays are joined. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]
  return new Html(out)
}

/** Joins Html parts. */
export function join(parts: Html[], separator = ''): Html {
  return new Html(parts.map((p) => p.value).join(separator))
}

/** A URL for an `href`: only http(s) and mailto, so a `javascript:` address from metadata never becomes a link. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined
  return /^(?:https?:|mailto:)/i.test(url.trim()) ? url.trim() : undefined
}
