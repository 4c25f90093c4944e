import { EntityManager } from 'typeorm';
import { Actor, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { Agency } from './agency.entity';

/**
 * The agency an admin request works in, checked to exist. Agency admins get their own agency;
 * platform admins must name one (and a wrong id is a 404, like any unknown record).
 */
export async function resolveAgency(manager: EntityManager, actor: Actor, requested: string | undefined): Promise<string> {
  const agencyId = scopeAgency(actor, requested, true);
  if (isPlatformAdmin(actor) && !(await manager.existsBy(Agency, { id: agencyId }))) throw notFound('Agency');
  return agencyId;
}
