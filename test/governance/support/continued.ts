import type { Approval } from '../../../src/governance/approval.js';
import { approval, BOARD_CARRIES, PLAN } from './testPlan.js';

/** The Plan approved by the Board on 2002-05-20 and continued each June 10 from 2003 to `through`. */
export function approvedAndContinued(through: number): Approval[] {
  const out = [approval('2002-05-20', 'instrument', PLAN, BOARD_CARRIES)];
  for (let y = 2003; y <= through; y++) out.push(approval(`${y}-06-10`, 'continuance', null, BOARD_CARRIES));
  return out;
}
