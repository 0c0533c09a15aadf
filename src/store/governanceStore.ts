import { type ApprovalRef, approvalOutcome, approvalRef } from '../governance/approval.js';
import type { InstrumentContinuance } from '../governance/continuanceRoster.js';
import type { GovernanceRecords } from '../governance/governanceRecords.js';
import { governanceSettingsOf } from '../governance/governanceSettings.js';
import { loadApprovals } from './approvalsRepository.js';
import type { Queryable } from './database.js';
import { loadRegistry } from './registryStore.js';
import { loadSettings } from './settingsRepository.js';
import { loadTerminations } from './terminationsRepository.js';
import { todayIso } from './today.js';

export { todayIso } from './today.js';

/** Every recorded approval and termination, and the settings: what the registry needs of governance. */
export async function loadGovernance(q: Queryable, today: string = todayIso()): Promise<GovernanceRecords> {
  const approvals = await loadApprovals(q);
  const terminations = await loadTerminations(q);
  const settings = await loadSettings(q);
  return { approvals, terminations, settings: governanceSettingsOf(settings), today };
}

/** An approval as the board report shows it. */
export interface ApprovalOfQuarter extends ApprovalRef {
  readonly carried: boolean;
}

/**
 * The approvals and votes of meetings from `from` to `to` inclusive (for the quarterly board
 * report, Plan §8), in meeting order, failed votes included.
 */
export async function approvalsInQuarter(
  q: Queryable,
  from: string,
  to: string,
): Promise<ApprovalOfQuarter[]> {
  const all = await loadApprovals(q);
  return all
    .filter((a) => a.meetingDate >= from && a.meetingDate <= to)
    .map((a) => ({ ...approvalRef(a), carried: approvalOutcome(a.vote, a).approved }));
}

/**
 * Every instrument's continuance as of a date (Plan §7; Agreement FOURTEENTH): its next deadline,
 * the approval that met each past one, and a lapse (`status: 'lapsed'`, `endsOn`).
 */
export async function continuanceStatus(q: Queryable, asOf: string): Promise<InstrumentContinuance[]> {
  const registry = await loadRegistry(q);
  return registry.continuance(asOf);
}
