import type { TRole } from '@asah/contracts/roles';

export function hasAnyRole(userRoles: readonly TRole[], allowed: readonly TRole[] | undefined): boolean {
  if (!allowed || allowed.length === 0) return true;
  return allowed.some((role) => userRoles.includes(role));
}
