/**
 * @deprecated `exhibit import` goes through the state-change door now (src/import/exhibitImport.ts);
 * its SQL is in the documents-and-registry repository (registryStore.ts). Kept so that callers of
 * the old path keep working.
 */
export {
  documentId,
  type ExhibitFile,
  type ExhibitImportResult,
  importExhibits,
  readExhibits,
} from '../import/exhibitImport.js';
