/**
 * attribution-missing: the licence requires attribution (OGL, CC BY, ODC-By, ODbL, ...) but
 * no metadata document gives an attribution statement or rights text, so reusers cannot
 * tell how to credit the data. The OGL falls back to a default statement, but the ODI
 * certificate still asks for one (a rights statement, then attribution text in it).
 */
import {defineCheck} from '../../engine/check.js'
import {looksLikeUrl} from '../../metadata/licences/normalise.js'
import {recogniseLicence} from '../../metadata/licences/recognise.js'
import {licenceDetails, metadataDocuments, statedLicences, whereStated} from './stated.js'

/**
 * Rights text that tells reusers something: not a licence URL repeated in dct:rights, nor an
 * access-rights code such as the EU's access-right/PUBLIC (DCAT adapters read dct:accessRights as rights).
 */
export function isRightsStatement(text: string | undefined): boolean {
  const value = text?.trim()
  if (!value) return false
  if (!looksLikeUrl(value)) return true
  return !/\/authority\/access-right\//i.test(value) && recogniseLicence(value) === undefined
}

export const attributionMissing = defineCheck<Record<string, never>, undefined>({
  name: 'attribution-missing',
  optionsSchema: {type: 'object', additionalProperties: false},
  messages: {
    default: 'The licence {{title}} ({{licence}}) requires attribution, but the metadata gives no attribution statement or rights text: say how reusers should credit the data, e.g. "{{suggestion}}"',
  },
  create: () => ({
    dataset(context, report) {
      const documents = metadataDocuments(context)
      if (documents.some((m) => m.attribution?.trim() || isRightsStatement(m.rights))) return
      const requiring = statedLicences(context).find((s) => s.match?.licence.attribution === true)
      if (!requiring) return
      const licence = requiring.match!.licence
      const publisher = documents.map((m) => m.publisher?.name).find(Boolean)
      // The OGL's own default statement; otherwise a credit built from the publisher and licence.
      const suggestion =
        licence.family === 'OGL-UK'
          ? `Contains public sector information licensed under the ${licence.title}`
          : `${publisher ? `© ${publisher}` : 'Source: <publisher>'}, licensed under ${licence.title}`
      report({details: {...whereStated(requiring), ...licenceDetails(requiring.match!), suggestion}})
    },
  }),
})
