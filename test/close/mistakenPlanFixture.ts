import type { ExhibitDocument } from '../../src/edgar/exhibitDocument.js';
import { renderExhibit } from '../../src/edgar/renderExhibit.js';

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
