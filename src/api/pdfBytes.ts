import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The bytes of a PDF that a report writer (which writes to a path) produces, via a temp file. */
export async function pdfBytes(write: (path: string) => Promise<void>): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-pdf-'));
  try {
    const path = join(dir, 'out.pdf');
    await write(path);
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
