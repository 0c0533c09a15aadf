import type { Approval } from '../governance/approval.js';
import type { Instrument } from './scheduleVersions.js';

/**
 * SPEC §2 "import order never changes the result", for what users record against an instrument:
 * an approval is of the instrument its documents belong to now. An instrument's key can change
 * with the set of documents imported (Invesco's 2019 plans: a trust's "Service Plan" is keyed
 * `plan||a|2019-05-24` while it is the only one so titled, and by its trust once a sibling trust's
 * is imported, classRenames.ts `withEachRegistrantsOwnPlan`), so a key recorded earlier may name
 * no instrument, or another, later. The documents do not change: the document approved (an
 * amendment, or an instrument named by its hash), else the first of the instrument's documents
 * when the approval was recorded that is still imported, decides; with none of them imported, the
 * recorded key does. So the Board's continuance of AIM Investment Funds' plan stays that plan's,
 * whichever trust's documents are imported after it.
 */
export function approvalsOfInstruments(
  approvals: readonly Approval[],
  instruments: readonly Instrument[],
): Approval[] {
  const instrumentOf = new Map<string, string>();
  for (const i of instruments) for (const id of i.documentIds) instrumentOf.set(id, i.key);
  return approvals.map((a) => {
    if (a.instrumentKey === null) return a;
    const named = [...(a.documentId === null ? [] : [a.documentId]), ...(a.instrumentDocumentIds ?? [])];
    const key = named.map((id) => instrumentOf.get(id)).find((k) => k !== undefined);
    return key === undefined || key === a.instrumentKey ? a : Object.freeze({ ...a, instrumentKey: key });
  });
}
