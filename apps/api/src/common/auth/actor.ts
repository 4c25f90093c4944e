import type { TRole } from '@asah/contracts/roles';
import { DomainError } from '../errors/domain-error';

/** Who is calling, as the auth guard established it from the session. */
export interface Actor {
  userId: string;
  sessionId: string;
  roles: TRole[];
  /** Null only for platform admins, who act on any agency. */
  agencyId: string | null;
}

export const isPlatformAdmin = (actor: Actor) => actor.roles.includes('platform_admin');

/**
 * The agency an admin request acts on. Agency admins always act on their own agency: naming
 * another one is answered as if it did not exist (404), so agencies cannot probe each other.
 * Platform admins must name the agency when `required`.
 */
export function scopeAgency(actor: Actor, requested: string | undefined, required: true): string;
export function scopeAgency(actor: Actor, requested: string | undefined, required?: false): string | undefined;
export function scopeAgency(actor: Actor, requested: string | undefined, required = false): string | undefined {
  if (isPlatformAdmin(actor)) {
    if (required && !requested) {
      throw new DomainError('VALIDATION_FAILED', 'agencyId is required for platform admins', [
        { field: 'agencyId', code: 'required', message: 'agencyId is required for platform admins' },
      ]);
    }
    return requested;
  }
  if (!actor.agencyId) throw new DomainError('FORBIDDEN', 'No agency');
  if (requested && requested !== actor.agencyId) throw new DomainError('NOT_FOUND', 'Agency not found');
  return actor.agencyId;
}

/** True when the actor may see a record of `agencyId`. */
export const canSeeAgency = (actor: Actor, agencyId: string | null) =>
  isPlatformAdmin(actor) || (agencyId !== null && agencyId === actor.agencyId);
