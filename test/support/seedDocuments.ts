import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { seedFiles } from './seeds.js';

/** The five seeds, parsed, as the store keeps them. */
export function seedDocuments(): StoredDocument[] {
  return seedFiles().map((path) => {
    const bytes = readFileSync(path);
    return {
      id: documentId(bytes),
      fileName: basename(path),
      doc: importableDocument(parseExhibit(bytes.toString('utf8'), path), path),
    };
  });
}

export function seedExhibitFiles(): { fileName: string; bytes: Buffer }[] {
  return seedFiles().map((path) => ({ fileName: path, bytes: readFileSync(path) }));
}
