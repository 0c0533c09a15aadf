import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../src/feeds/providersFeed.js';
import { documentId, importExhibits } from '../../src/import/exhibitImport.js';
import { withdrawExhibit } from '../../src/import/exhibitWithdrawal.js';
import type { Database } from '../../src/store/database.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';

/**
 * A Class K plan of AIM Funds Group listing one fund at 0.50% / 0.25% from 2007-01-15, made to be
 * imported by mistake and withdrawn (the withdrawn-document tests), rendered as filed.
 */
export function mistakenClassKPlan(fund: string): {
  doc: ExhibitDocument;
  file: { fileName: string; bytes: Buffer };
} {
  const doc: ExhibitDocument = {
    kind: 'plan',
    title: 'Master Distribution Plan of AIM Funds Group (Class K Shares)',
    exhibit: null,
    instrument: {
      kind: 'plan',
      title: 'Master Distribution Plan',
      registrant: 'AIM Funds Group',
      classes: ['K'],
      datedAsOf: '2007-01-15',
    },
    amendmentNumber: null,
    effectiveDate: '2007-01-15',
    datedDate: '2007-01-15',
    terms: { distributionFeePct: null, serviceFeePct: null },
    schedules: [
      {
        name: 'Schedule A',
        replacesEntirely: false,
        entries: [
          {
            registrant: 'AIM FUNDS GROUP',
            portfolio: fund,
            class: 'K',
            assetBasedSalesChargePct: '0.50',
            assetBasedSalesChargeBound: 'maximum',
            serviceFeePct: '0.25',
            aggregateFeePct: '0.75',
          },
        ],
      },
    ],
    renames: [],
    renameRules: [],
    footnotes: [],
    warnings: [],
  };
  const file = {
    fileName: 'mistaken-plan.txt',
    bytes: Buffer.from(renderExhibit(doc, { marked: false })),
  };
  return { doc, file };
}

/**
 * The withdrawn-plan scenario: seed 002 and the mistaken plan for `fund` imported; its class K at
 * 36,500,000.00 every business day of January and February 2007 (0.50% / 365 = 500.00 and 0.25% /
 * 365 = 250.00 a day while covered, from 2007-01-15); a dealer, DLR-1, whose customers hold
 * 10,000,000.00 of it from 2007-01-16 (68.49 a day); January closed, the plan withdrawn, February
 * closed. Returns February's close.
 */
export async function closeFebruaryAfterWithdrawingTheMistakenPlan(
  db: Database,
  fund: string,
): Promise<Awaited<ReturnType<typeof closeMonth>>> {
  const { file } = mistakenClassKPlan(fund);
  await importExhibits(db, [...seedExhibitFiles().filter((f) => f.fileName.includes('002_')), file]);
  const rows = businessDaysBetween('2007-01-03', '2007-02-28').map((d) => `${d},${fund},K,36500000.00`);
  await importNetAssets(db, 'na.csv', Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')));
  await importProviders(
    db,
    'providers.csv',
    Buffer.from(
      'id,name,kind,agreement_date,own_rate_pct,terminated_on\nDLR-1,Granite Securities,dealer,2006-01-02,,\n',
    ),
  );
  await importProviderAssets(
    db,
    'pa.csv',
    Buffer.from(
      [
        'date,provider,portfolio,class,net_assets',
        ...businessDaysBetween('2007-01-16', '2007-02-28').map((d) => `${d},DLR-1,${fund},K,10000000.00`),
      ].join('\n'),
    ),
  );
  await closeMonth(db, '2007-01', MONTH_CLOSE_STEPS);
  await withdrawExhibit(db, documentId(file.bytes).slice(0, 12), 'imported by mistake');
  return closeMonth(db, '2007-02', MONTH_CLOSE_STEPS);
}
