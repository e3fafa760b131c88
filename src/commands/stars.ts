import {Args, Flags} from '@oclif/core'
import {skippedText, starsText, unreadableMetadataText} from '../report/formatters/assessment.js'
import type {JsonReport} from '../report/types.js'
import {datasetRunFlags, runChecks, starsSection} from './_assess.js'
import {BaseCommand, useColor} from './base.js'

export default class Stars extends BaseCommand {
  static summary = "The dataset's 5-star open data level, with the evidence for each star."
  static description = `Runs the same checks as \`check\`, then judges Tim Berners-Lee's five stars from the dataset's metadata, its tables, and any RDF or CSVW files: ★ open licence, ★★ structured data, ★★★ non-proprietary format, ★★★★ URIs for things, ★★★★★ links to other people's data.
With --online it also checks the links in the metadata, as \`check --online\` does.
Exit codes: 0 done (and at or above --min-stars), 1 below --min-stars, 2 usage, config or tool error.`

  static examples = ['<%= config.bin %> stars examples/ward-population', '<%= config.bin %> stars data/ --min-stars 3', '<%= config.bin %> stars data/ --json', '<%= config.bin %> stars examples/ward-population --online --timeout 10']

  static strict = false
  static enableJsonFlag = true

  static args = {
    paths: Args.string({description: 'files, folders or glob patterns of the dataset; with --online also web addresses (a file, or a CKAN dataset)', required: true}),
  }

  static flags = {
    'min-stars': Flags.integer({min: 0, max: 5, description: 'fail (exit 1) below this many stars (0-5)'}),
    format: Flags.option({options: ['stylish', 'json'] as const, default: 'stylish', description: 'stylish (readable) or json (the report with its stars section)'})(),
    color: Flags.boolean({allowNo: true, description: 'colour the stylish output (default: when stdout is a terminal)'}),
    ...datasetRunFlags,
  }

  async run(): Promise<JsonReport> {
    const {argv, flags} = await this.parse(Stars)
    const paths = argv as string[]
    const cwd = process.cwd()
    const {result, report} = await runChecks({paths, cwd, version: this.config.version, ...flags})
    report.stars = await starsSection({paths, cwd, report, result, minStars: flags['min-stars']})
    if (!this.jsonEnabled()) {
      if (flags.format === 'json') this.log(JSON.stringify(report, null, 2))
      else {
        const color = useColor(flags.color)
        this.log(starsText(report.stars, color).replace(/\n$/, ''))
        for (const line of [...unreadableMetadataText(report, color), ...skippedText(report, color)]) this.log(line)
      }
    }
    if (report.stars.belowMinimum) process.exitCode = 1
    return report
  }
}
