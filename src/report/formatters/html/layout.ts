/**
 * The page shell. A Content-Security-Policy allows inline styles and nothing else (no script, no
 * fetch of any kind), so even markup that slipped past escaping could neither run nor call out.
 */
import {html, trusted, type Html} from './escape.js'
import {LEVEL_STYLES, STYLES} from './styles.js'

const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

export function page(title: string, body: Html): string {
  return html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="odcheck">
<title>${title}</title>
<style>${trusted(STYLES + LEVEL_STYLES)}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`.value
}

/** A section of the page with an anchor for the navigation links. */
export function section(id: string, title: string, content: Html | Html[]): Html {
  return html`<section id="${id}" aria-labelledby="${id}-title">
<h2 id="${id}-title">${title}</h2>
${content}
</section>
`
}
