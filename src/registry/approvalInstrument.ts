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
 * when the approval was recorded that is still imported, decides. With none of them imported (all
 * withdrawn) the instrument approved is not in the registry, and the approval is of none (key
 * null), as an amendment's approval is of no later document: the key may since be another's — a
 * sibling trust's plan of the same title and date. An approval recorded without its instrument's
 * documents (before approvals kept them, and none matched on migration; or a record built by
 * hand) whose document is not imported is read by its recorded key, as before.
 * So the Board's continuance of AIM Investment Funds' plan stays that plan's, whichever trust's
 * documents are imported or withdrawn after it.
 */
export function approvalsOfInstruments(
  approvals: readonly Approval[],
  instruments: readonly Instrument[],
): Approval[] {
  const instrumentOf = new Map<string, string>();
  for (const i of instruments) for (const id of i.documentIds) instrumentOf.set(id, i.key);
  return approvals.map((a) => {
    if (a.instrumentKey === null) return a;
    const recordedWith = a.instrumentDocumentIds ?? [];
    const named = [...(a.documentId === null ? [] : [a.documentId]), ...recordedWith];
    const key = named.map((id) => instrumentOf.get(id)).find((k) => k !== undefined);
    if (key === undefined)
      return recordedWith.length === 0 ? a : Object.freeze({ ...a, instrumentKey: null });
    return key === a.instrumentKey ? a : Object.freeze({ ...a, instrumentKey: key });
  });
}
