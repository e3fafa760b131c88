/** What loading a dataset's metadata yields: the models, what went wrong, and where local files are. */
import type {SearchedFolder} from '../load/metadata.js'
import type {MetadataProblem} from './errors.js'
import type {DatasetMetadata} from './model.js'
import type {CsvwLoad} from './csvw/load.js'

/** A distribution that names a local file, resolved against the folder of its metadata file. */
export interface LocalFile {
  /** Index into MetadataLoad.documents. */
  document: number
  /** Index into that document's distributions. */
  distribution: number
  /** The path as written in the metadata. */
  declared: string
  /** Absolute path; absent when the declared path leads outside the dataset's folder. */
  path?: string
  exists: boolean
  /** The path leads outside the folder of the metadata file: refused and never read. */
  outside: boolean
  /** The file is missing but an archive beside it is named like it (src/load/archive-kind.ts archiveBeside): the archive's absolute path. */
  zippedIn?: string
}

export interface MetadataLoad {
  /** Working directory, for naming files in findings. */
  cwd: string
  /** Every dataset description read, primary first. */
  documents: DatasetMetadata[]
  /** Metadata files found but not usable. */
  problems: MetadataProblem[]
  /** Where odcheck looked beside the data (empty when metadata was named). */
  searched: SearchedFolder[]
  localFiles: LocalFile[]
  /** Local tables listed by metadata files given as inputs: checked as if they had been named. */
  tables: string[]
  /** Inputs that are metadata files, not tables. */
  metadataInputs: string[]
  /** CSV on the Web: the table groups in use, their problems, and each table's description. */
  csvw?: CsvwLoad
  /** Metadata files inside the archives checked, named through them (`spend.zip/datapackage.json`): odcheck, like catalogues, does not read them there. */
  inArchives?: string[]
  /** Zips among those whose metadata odcheck reads when the zip is checked on its own, by name. */
  describedAlone?: string[]
}
