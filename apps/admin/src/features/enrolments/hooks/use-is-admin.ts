import { useMe } from '@asah/ui/auth/queries';
import { hasAnyRole } from '@asah/ui/auth/roles';
import { AGENCY_ADMIN_ROLES } from '../../access/roles';

/**
 * Whether the signed-in person manages enrolments (agency or platform admin). Instructors see the
 * same pages read-only, except sessions and attendance; the API decides either way.
 */
export function useIsAdmin(): boolean {
  const me = useMe().data;
  return me ? hasAnyRole(me.roles, AGENCY_ADMIN_ROLES) : false;
}
