import type { AcceptedEnd } from '../accrual/endedSpans.js';
import type { Queryable } from './database.js';

/**
 * SPEC §12: the ends the month closes accepted (`close --accept-ended`), as they sealed them in
 * their `completeness` part (a sealed part is never updated nor deleted: the record of the fact
 * and of its date). A later close that finds the class still stopped on the same last day lists
 * the same end again; it is read once, as accepted by the first close that did.
 * @returns "portfolioId|class" → its ends, by last day
 */
export async function acceptedClassEnds(q: Queryable): Promise<Map<string, AcceptedEnd[]>> {
  const rows = await q.query<{
    pid: string;
    cls: string;
    last: string;
    ended_on: string;
    accepted_in: string;
  }>(
    `SELECT pid, cls, last, min(ended_on) AS ended_on, min(accepted_in) AS accepted_in
       FROM (SELECT e->>'portfolioId' AS pid, e->>'class' AS cls, e->>'lastNetAssets' AS last,
                    e->>'endedOn' AS ended_on, e->>'acceptedIn' AS accepted_in
               FROM close_result r, jsonb_array_elements(r.content::jsonb->'acceptedAsEnded') e
              WHERE r.part = 'completeness' AND json_typeof(r.content->'acceptedAsEnded') = 'array') a
      GROUP BY pid, cls, last
      ORDER BY pid COLLATE "C", cls COLLATE "C", last`,
  );
  const out = new Map<string, AcceptedEnd[]>();
  for (const r of rows) {
    const key = `${r.pid}|${r.cls}`;
    const end: AcceptedEnd = { lastNetAssets: r.last, endedOn: r.ended_on, acceptedIn: r.accepted_in };
    const list = out.get(key);
    if (list === undefined) out.set(key, [end]);
    else list.push(end);
  }
  return out;
}

/**
 * Each class's first recorded day after each of the dates given (its net assets resuming after
 * an accepted end), or null: "portfolioId|class|date" → day.
 */
export async function firstNetAssetsAfter(
  q: Queryable,
  after: readonly { readonly portfolioId: string; readonly class: string; readonly date: string }[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  // few: one per accepted end of the classes asked about, each one index probe
  for (const a of after) {
    const [row] = await q.query<{ next: string | null }>(
      `SELECT min(date)::text AS next FROM net_assets WHERE portfolio_id = $1 AND class = $2 AND date > $3::date`,
      [a.portfolioId, a.class, a.date],
    );
    out.set(`${a.portfolioId}|${a.class}|${a.date}`, row?.next ?? null);
  }
  return out;
}
