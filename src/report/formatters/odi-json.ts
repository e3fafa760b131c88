/**
 * The certificate answers as the body of a POST to the ODI certificate API:
 * {"jurisdiction": "GB", "dataset": {questionId: answer, ...}} (see docs/certificate.md).
 */
import {toOdiPayload} from '../../assess/certificate/index.js'
import {UsageError} from '../../engine/errors.js'
import type {Formatter} from './formatter.js'

export const odiJson: Formatter = (report) => {
  if (!report.certificate) {
    throw new UsageError('The odi-json format needs the certificate assessment, which this run did not make.', ['Use: odcheck certificate PATH --format odi-json', 'or: odcheck check PATH --answers certificate.yaml --format odi-json'])
  }
  return JSON.stringify(toOdiPayload(report.certificate.answers), null, 2) + '\n'
}
