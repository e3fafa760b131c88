/** The metadata rule set through the engine, one rule at a time: rule ids, resources and details. */
import {ruleTester} from '../helpers/rule-tester.js'

ruleTester('metadata-not-found', {
  valid: ['with-metadata', 'unreadable-only'],
  invalid: [
    {
      file: 'no-metadata',
      findings: [{details: {folders: ['metadata-not-found/no-metadata'], names: ['odcheck.yaml', 'datapackage.json', 'streetlights.csv-metadata.json', 'csv-metadata.json', 'data.json']}}],
    },
    {file: 'no-metadata/streetlights.csv', findings: [{details: {folders: ['metadata-not-found/no-metadata']}}]},
    // A folder of datasets, each described in its own folder: named, with how to check one.
    {
      file: 'datasets',
      findings: [{details: {folders: ['metadata-not-found/datasets'], nested: ['metadata-not-found/datasets/car-parks/datapackage.json', 'metadata-not-found/datasets/streetlights/odcheck.yaml'], nestedFolder: 'metadata-not-found/datasets/car-parks'}}],
    },
  ],
})

ruleTester('metadata-unreadable', {
  valid: ['good'],
  invalid: [
    {
      file: 'trailing-comma',
      findings: [{resource: 'metadata-unreadable/trailing-comma/csv-metadata.json', line: 4, details: {reason: 'syntax', format: 'csvw', line: 4, column: 32}}],
    },
  ],
})

ruleTester('metadata-missing', {
  valid: ['complete', 'merged'],
  invalid: [
    {file: 'sparse', findings: [{resource: 'metadata-missing/sparse/datapackage.json', details: {property: 'publisher', format: 'datapackage', where: 'a "contributors" entry with role "publisher"'}}]},
    // One finding per dataset of a catalog that lacks it, naming the dataset.
    {file: 'catalog/data.json', findings: [{resource: 'metadata-missing/catalog/data.json', details: {property: 'publisher', dataset: 'Parking fines', source: 'metadata-missing/catalog/data.json'}}]},
    // CSVW metadata beside a table that it does not describe (its url names another file): still the dataset's metadata, and named.
    {file: 'copied-csvw', findings: [{details: {property: 'title', where: '"dc:title"', source: 'metadata-missing/copied-csvw/funerals.csv-metadata.json'}}]},
  ],
})

// The three metadata-missing rules share one check; each has its properties (rules/metadata.yaml).
ruleTester('metadata-missing-recommended', {
  valid: ['described', '../metadata-missing/complete', '../metadata-missing/merged', 'publisher-named/greenbelt.ttl'],
  invalid: [
    // A publisher given only by its web address: the ODI certificate needs its name.
    {
      file: 'publisher-web-address/greenbelt.ttl',
      findings: [{details: {property: 'publisherName', url: 'https://data.example.gov.uk/id/organisation/planning', where: 'foaf:name on the dct:publisher', format: 'dcat-turtle'}}],
    },
    {
      file: '../metadata-missing/sparse',
      findings: [{details: {property: 'description'}}, {details: {property: 'contactPoint'}}, {details: {property: 'updateFrequency'}}, {details: {property: 'documentation', where: '"homepage"'}}],
    },
    {
      file: 'catalogue-record/package_show.json',
      findings: [
        {resource: 'metadata-missing-recommended/catalogue-record/package_show.json', details: {property: 'contactPoint', format: 'ckan', where: 'maintainer_email'}},
        {details: {property: 'updateFrequency', where: 'the update_frequency extra'}},
      ],
    },
  ],
})

ruleTester('metadata-missing-optional', {
  valid: ['findable', '../metadata-missing/complete', '../metadata-missing/merged'],
  invalid: [
    {file: '../metadata-missing/sparse', findings: [{details: {property: 'keywords'}}, {details: {property: 'temporal'}}, {details: {property: 'spatial'}}]},
    // Data packages have no field for coverage: odcheck.yaml beside them can give it.
    {file: 'no-coverage', findings: [{details: {property: 'temporal', where: '"temporal" in an odcheck.yaml beside it (data packages have no field for it)'}}, {details: {property: 'spatial'}}]},
  ],
})

ruleTester('metadata-invalid', {
  valid: ['good'],
  invalid: [
    {
      file: 'bad-values',
      findings: [
        {resource: 'metadata-invalid/bad-values/odcheck.yaml', details: {property: 'issued', value: '06/05/2009', field: 'issued'}},
        {details: {property: 'modified', value: '2025-13-01'}},
        {details: {property: 'temporal.start', value: '1/4/2024'}},
        {details: {property: 'contactPoint.email', value: 'streetlighting at bolton.gov.uk'}},
        {details: {property: 'landingPage', value: 'http:\\\\www.bolton.gov.uk\\opendata'}},
        {details: {property: 'documentation', value: 'www.bolton.gov.uk/opendata/streetlight-faults'}},
        {details: {property: 'distributions[1].url', value: 'https://www.bolton.gov.uk/files/faults 2024.csv'}},
      ],
    },
  ],
})

ruleTester('metadata-mismatch', {
  valid: ['matching', 'matching/allotments.csv'],
  invalid: [
    {
      file: 'columns',
      findings: [{resource: 'metadata-mismatch/columns/spend.csv', details: {kind: 'columns', missing: ['department'], extra: ['InvoiceNumber']}}],
    },
    {file: 'order', findings: [{resource: 'metadata-mismatch/order/wards.csv', details: {kind: 'column-order', declared: ['ward_name', 'ward_code'], actual: ['ward_code', 'ward_name']}}]},
    {
      file: 'files',
      findings: [
        {resource: 'metadata-mismatch/files/datapackage.json', details: {kind: 'format', table: 'metadata-mismatch/files/allotments.csv', property: 'format', declared: 'html', actual: 'csv'}},
        {details: {kind: 'row-count', declared: 5, actual: 2}},
        {details: {kind: 'bytes', declared: 9999, actual: 42}},
        {details: {kind: 'missing-file', path: 'waiting-list.csv'}},
        {details: {kind: 'path-outside', path: '../columns/spend.csv'}},
      ],
    },
    {
      // Published zipped beside the metadata: the file inside the zip is still compared with what the metadata says of it.
      file: 'zipped',
      findings: [
        {resource: 'metadata-mismatch/zipped/odcheck.yaml', details: {kind: 'missing-file', path: 'payments.csv', archive: 'payments.zip', inArchive: 'checked'}},
        {resource: 'metadata-mismatch/zipped/payments.zip/payments.csv', details: {kind: 'columns', missing: ['department'], extra: ['InvoiceNumber']}},
        {details: {kind: 'missing-file', path: 'contracts.csv', archive: 'contracts.zip', inArchive: 'absent'}},
      ],
    },
    {
      // The metadata given alone: the zip named like the file it lists is checked too.
      file: 'zipped/odcheck.yaml',
      findings: [
        {details: {kind: 'missing-file', path: 'payments.csv', inArchive: 'checked'}},
        {resource: 'metadata-mismatch/zipped/payments.zip/payments.csv', details: {kind: 'columns', missing: ['department'], extra: ['InvoiceNumber']}},
        {details: {kind: 'missing-file', path: 'contracts.csv', inArchive: 'absent'}},
      ],
    },
    {
      // A catalogue record's download kept zipped: the file of its name inside the zip is the one it describes.
      file: 'zipped-download',
      findings: [{details: {kind: 'format', table: 'metadata-mismatch/zipped-download/disposals-february.zip/disposals-february.csv', declared: 'XLS', actual: 'csv'}}],
    },
    {
      file: 'zipped/notes.csv',
      findings: [
        {details: {kind: 'missing-file', path: 'payments.csv', archive: 'payments.zip', inArchive: 'unchecked'}},
        {details: {kind: 'missing-file', path: 'contracts.csv', archive: 'contracts.zip', inArchive: 'unchecked'}},
      ],
    },
    {file: 'named-for', findings: [{details: {kind: 'named-for', describes: 'funerals.csv', declared: ['https://www.example.gov.uk/opendata/funeral-summary.csv']}}]},
    {
      file: 'labels/package_show.json',
      findings: [
        {details: {kind: 'format', property: 'mediaType', declared: 'text/html', format: 'CSV'}},
        {details: {kind: 'format', property: 'format', declared: 'XLS', actual: 'https://www.example.gov.uk/files/disposals-february.csv'}},
      ],
    },
  ],
})
