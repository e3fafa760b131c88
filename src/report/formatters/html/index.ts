/**
 * `--format html`: one self-contained page for a reader who is not a programmer: the verdict,
 * certificate readiness as a ladder, the stars, findings grouped by rule, and a profile of
 * every column. Inline CSS and SVG only: the page requests nothing from anywhere.
 */
import type {Formatter} from '../formatter.js'
import {certificateSection} from './certificate.js'
import {html, type Html} from './escape.js'
import {filesSection} from './files.js'
import {findingsSection} from './findings.js'
import {overview, reportTitle} from './overview.js'
import {page, section} from './layout.js'
import {profileSection} from './profile.js'
import {starsSection} from './stars.js'

export const htmlFormatter: Formatter = (report, {cwd}) => {
  const sections: Array<[string, string, Html]> = [
    ['certificate', 'ODI Open Data Certificate', certificateSection(report.certificate)],
    ['stars', '5-star open data', starsSection(report.stars)],
    ['findings', 'What odcheck found', findingsSection(report, cwd)],
    ['columns', 'Columns', profileSection(report, cwd)],
    ['files', 'Files checked', filesSection(report, cwd)],
  ]
  const nav: Array<[string, string]> = [['about', 'About this dataset'], ...sections.map(([id, title]): [string, string] => [id, title])]
  const body = html`${overview(report, cwd, nav)}
${sections.map(([id, title, content]) => section(id, title, content))}
<footer>Made by odcheck ${report.odcheck}. This page is self-contained: it loads nothing from the internet, so it is safe to email or archive.</footer>`
  return page(`${reportTitle(report, cwd)}: odcheck report`, body)
}
