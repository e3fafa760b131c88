/** The kinds of personal data the scan looks for, as they appear in `details.kind`. */
export const PERSONAL_KINDS = [
  'email',
  'phone',
  'nino',
  'nhs-number',
  'postcode',
  'date-of-birth',
  'person-name',
  'ip-address',
  'payment-card',
  'bank-account',
] as const

export type PersonalKind = (typeof PERSONAL_KINDS)[number]

/** How sure the scan is that a column holds personal data: reported as `details.confidence`. */
export const CONFIDENCES = ['low', 'medium', 'high'] as const
export type Confidence = (typeof CONFIDENCES)[number]

export const confidenceRank: Record<Confidence, number> = {low: 0, medium: 1, high: 2}

/** Kinds that identify a person on their own, so a table holding one is a list of people. */
export const PERSON_LEVEL_KINDS: ReadonlySet<PersonalKind> = new Set(['email', 'nino', 'nhs-number', 'date-of-birth', 'person-name', 'payment-card', 'bank-account'])
