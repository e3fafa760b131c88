import {Args, Flags} from '@oclif/core'
import {LEVELS} from '../assess/certificate/index.js'
import {certificateText, skippedText, unreadableMetadataText} from '../report/formatters/assessment.js'
import {odiJson} from '../report/formatters/odi-json.js'
import type {JsonReport} from '../report/types.js'
import {assessmentFlags, certificateSection, datasetRunFlags, parseMinLevel, runChecks} from './_assess.js'
import {BaseCommand, useColor} from './base.js'

export default class Certificate extends BaseCommand {
  static summary = 'How ready a dataset is for an ODI Open Data Certificate, and what to do for the next level.'
  static description = `Runs the same checks as \`check\`, answers what it can of the ODI certificate questionnaire (GB) from the dataset's metadata and the findings, adds your answers from certificate.yaml beside the data (or --answers FILE), and computes the level as the ODI did: Bronze, Silver, Gold or Platinum.
With --online it also checks the links in the metadata, as \`check --online\` does, and a link that does not work (a documentation page that is gone, a download that fails) answers no question.
Exit codes: 0 done (and at or above --min-level), 1 below --min-level, 2 usage, config or tool error.`

  static examples = [
    '<%= config.bin %> certificate examples/ward-population',
    '<%= config.bin %> certificate data/ --answers certificate.yaml --min-level silver',
    '<%= config.bin %> certificate data/ --format odi-json > payload.json',
    '<%= config.bin %> certificate examples/streetlights --online',
  ]

  static strict = false
  static enableJsonFlag = true

  static args = {
    paths: Args.string({description: 'files, folders or glob patterns of the dataset; with --online also web addresses (a file, or a CKAN dataset)', required: true}),
  }

  static flags = {
    format: Flags.option({options: ['stylish', 'json', 'odi-json'] as const, default: 'stylish', description: 'stylish (readable), json (the report with its certificate section) or odi-json (the body for the ODI certificate API)'})(),
    answers: assessmentFlags.answers,
    'min-level': Flags.string({description: `fail (exit 1) below this level: ${LEVELS.slice(1).join(', ')} or bronze, silver, gold, platinum`}),
    color: Flags.boolean({allowNo: true, description: 'colour the stylish output (default: when stdout is a terminal)'}),
    ...datasetRunFlags,
  }

  async run(): Promise<JsonReport> {
    const {argv, flags} = await this.parse(Certificate)
    const paths = argv as string[]
    const cwd = process.cwd()
    const minLevel = parseMinLevel(flags['min-level'])
    const {result, report} = await runChecks({paths, cwd, version: this.config.version, ...flags})
    report.certificate = await certificateSection({paths, cwd, report, result, answers: flags.answers, minLevel})
    if (!this.jsonEnabled()) {
      if (flags.format === 'json') this.log(JSON.stringify(report, null, 2))
      else if (flags.format === 'odi-json') this.log(odiJson(report, {color: false, cwd}).replace(/\n$/, ''))
      else {
        const color = useColor(flags.color)
        this.log(certificateText(report.certificate, color, unreadableMetadataText(report, color)).replace(/\n$/, ''))
        for (const line of skippedText(report, color)) this.log(line)
      }
    }
    if (report.certificate.belowMinimum) process.exitCode = 1
    return report
  }
}
