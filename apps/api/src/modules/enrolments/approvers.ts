import { EntityManager } from 'typeorm';
import { Actor, isPlatformAdmin } from '../../common/auth/actor';
import { Params } from '../../common/db/sql';
import { notFound } from '../../common/errors/domain-error';

/**
 * Who approves a learner's requests (enrolment requests, non-classroom development logs): the heads
 * of their unit and of every unit above it, the agency's admins, and platform admins. Nobody decides
 * their own.
 */

/** Units the user `me` (a SQL placeholder) heads, and every unit below them. */
export const headedUnits = (me: string) => `(WITH RECURSIVE headed AS (
    SELECT id FROM units WHERE head_user_id = ${me}
    UNION SELECT k.id FROM units k JOIN headed ON k.parent_id = headed.id
  ) SELECT id FROM headed)`;

export type ApproverReach = 'approver' | 'self' | 'none';

export async function approverReach(manager: EntityManager, actor: Actor, learnerId: string): Promise<ApproverReach> {
  if (learnerId === actor.userId) return 'self';
  const [learner] = await manager.query(`SELECT agency_id, unit_id FROM users WHERE id = $1`, [learnerId]);
  if (!learner) return 'none';
  if (isPlatformAdmin(actor)) return 'approver';
  if (learner.agency_id !== actor.agencyId) return 'none';
  if (actor.roles.includes('agency_admin')) return 'approver';
  if (!learner.unit_id) return 'none';
  const [row] = await manager.query(`SELECT $1::uuid IN ${headedUnits('$2')} AS heads`, [learner.unit_id, actor.userId]);
  return row.heads ? 'approver' : 'none';
}

/**
 * Conditions on the learner (`u`) for an approver's queue: their own agency's people for agency
 * admins, the people of the units they head for everyone else, every agency (or `agencyId`) for
 * platform admins; never the actor themself.
 */
export function approverScope(actor: Actor, p: Params, agencyId: string | undefined, learner = 'u'): string[] {
  const me = p.add(actor.userId);
  const where = [`${learner}.id <> ${me}`];
  if (isPlatformAdmin(actor)) {
    if (agencyId) where.push(`${learner}.agency_id = ${p.add(agencyId)}`);
  } else if (actor.roles.includes('agency_admin') && actor.agencyId) {
    if (agencyId && agencyId !== actor.agencyId) throw notFound('Agency');
    where.push(`${learner}.agency_id = ${p.add(actor.agencyId)}`);
  } else {
    where.push(`${learner}.agency_id = ${p.add(actor.agencyId)}`, `${learner}.unit_id IN ${headedUnits(me)}`);
  }
  return where;
}
