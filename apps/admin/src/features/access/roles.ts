import type { TRole } from '@asah/contracts/roles';

/** Who may open the admin portal at all. */
export const PORTAL_ROLES: readonly TRole[] = ['instructor', 'agency_admin', 'platform_admin'];

/** Structure and employee management of an agency. */
export const AGENCY_ADMIN_ROLES: readonly TRole[] = ['agency_admin', 'platform_admin'];

/** Course authoring: instructors reach the courses they teach; admins every course of their agency. */
export const COURSE_ROLES: readonly TRole[] = ['instructor', 'agency_admin', 'platform_admin'];

export const PLATFORM_ROLES: readonly TRole[] = ['platform_admin'];
