import type { TUser } from '@asah/contracts/users';
import { User } from './user.entity';

/** Needs `unit` and `position` loaded. */
export function toUserDto(u: User): TUser {
  return {
    id: u.id,
    agencyId: u.agencyId,
    nip: u.nip,
    name: u.name,
    email: u.email,
    employmentType: u.employmentType,
    unit: u.unit ? { id: u.unit.id, code: u.unit.code, name: u.unit.name } : null,
    position: u.position ? { id: u.position.id, code: u.position.code, name: u.position.name, type: u.position.type } : null,
    roles: u.roles,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
