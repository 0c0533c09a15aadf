import { importNetAssets } from '../../../src/feeds/netAssetsFeed.js';
import type { Database } from '../../../src/store/database.js';
import { importExhibits } from '../../../src/store/exhibitImport.js';
import { seedExhibitFiles } from '../../support/seedDocuments.js';
import { workedNetAssetsCsv } from './workedExample.js';

/** Seed 002 (AIM Funds Group's Sixth A&R plan) and the worked example's class net assets. */
export async function seedWorkedClass(db: Database): Promise<void> {
  await importExhibits(
    db,
    seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
  );
  await importNetAssets(db, 'na.csv', Buffer.from(workedNetAssetsCsv()));
}

const TABLES = [
  'service_provider',
  'service_agreement_event',
  'provider_assets',
  'provider_assets_restatement',
  'feed_import',
] as const;

export async function serviceFeeCounts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n);
  return out;
}
