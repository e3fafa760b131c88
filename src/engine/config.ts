/**
 * Finds and resolves odcheck's configuration to plain data (see src/engine/config/ and
 * schemas/config.schema.json).
 */
export {configSearchFolder, loadConfig, readConfigSource, searchFolderOf, type LoadConfigOptions} from './config/load.js'
export {CONFIG_FILE_NAMES, findConfigFile} from './config/find.js'
