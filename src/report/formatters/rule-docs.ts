/** Absolute URLs for rule documentation, which rule sets give as repository-relative paths. */
import {docsBaseUrl} from '../../engine/paths.js'

/** docsBaseUrl names docs/rules.md in the repository; its grandparent is the repository's file root. */
const repositoryFilesUrl = new URL('../', docsBaseUrl).href

export const odcheckHomeUrl = 'https://github.com/odcheck/odcheck'

export function ruleDocsUrl(docs: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(docs)) return docs
  return new URL(docs.replace(/^\.?\//, ''), repositoryFilesUrl).href
}
