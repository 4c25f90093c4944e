import type { TRole } from '@asah/contracts/roles';

/** Who may open the admin portal at all. Instructors join when their course pages arrive. */
export const PORTAL_ROLES: readonly TRole[] = ['agency_admin', 'platform_admin'];

/** Structure and employee management of an agency. */
export const AGENCY_ADMIN_ROLES: readonly TRole[] = ['agency_admin', 'platform_admin'];

export const PLATFORM_ROLES: readonly TRole[] = ['platform_admin'];
