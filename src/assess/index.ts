/** Assessments of a checked dataset: ODI certificate readiness and the 5-star level. */
import type {CertificateAssessment} from './certificate/index.js'
import type {LevelId} from './certificate/questionnaire.js'
import type {StarCount, StarsAssessment} from './stars/index.js'

export type {AssessInput, AssessFinding, AssessResource} from './input.js'
export type {CertificateAssessment} from './certificate/index.js'
export type {StarsAssessment, StarCount} from './stars/index.js'

/** The report's `certificate` section: the assessment and, when one was asked for, the minimum level. */
export interface CertificateSection extends CertificateAssessment {
  minLevel?: LevelId
  /** True when a minimum was given and the level is below it. */
  belowMinimum?: boolean
}

/** The report's `stars` section: the assessment and, when one was asked for, the minimum stars. */
export interface StarsSection extends StarsAssessment {
  minStars?: StarCount
  belowMinimum?: boolean
}
