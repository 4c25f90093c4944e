import { z } from 'zod';

export const ROLES = ['learner', 'instructor', 'agency_admin', 'platform_admin'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const EMPLOYMENT_TYPES = ['PNS', 'PPPK'] as const;
export const ZEmploymentType = z.enum(EMPLOYMENT_TYPES);
export type TEmploymentType = z.infer<typeof ZEmploymentType>;
