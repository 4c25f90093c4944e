import { z } from 'zod';
import { ZName, ZPage, ZPageQuery, ZQueryBoolean } from './common';
import { ZNip } from './nip';
import { ZEmploymentType, ZRole } from './roles';
import { ZPassword } from './auth';
import { ZPositionType } from './positions';

const ZUnitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
const ZPositionRef = z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: ZPositionType });

export const ZUser = z.object({
  id: z.uuid(),
  agencyId: z.uuid().nullable(),
  nip: z.string().nullable(),
  name: z.string(),
  email: z.string(),
  employmentType: ZEmploymentType.nullable(),
  unit: ZUnitRef.nullable(),
  position: ZPositionRef.nullable(),
  roles: z.array(ZRole),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type TUser = z.infer<typeof ZUser>;
export const ZUserPage = ZPage(ZUser);

export const USER_STATUSES = ['active', 'inactive', 'all'] as const;

export const ZUserListQuery = ZPageQuery.extend({
  agencyId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** With unitId: also list the employees of every unit below it. */
  includeSubunits: ZQueryBoolean.optional(),
  positionId: z.uuid().optional(),
  role: ZRole.optional(),
  employmentType: ZEmploymentType.optional(),
  status: z.enum(USER_STATUSES).default('active'),
  sort: z.enum(['name', 'nip', 'createdAt']).default('name'),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** Learners are employees: they need a NIP and an employment type. */
const employeeRule = (v: { roles?: string[]; nip?: string | null; employmentType?: string | null }) =>
  !v.roles?.includes('learner') || (Boolean(v.nip) && Boolean(v.employmentType));

export const ZCreateUserRequest = z
  .strictObject({
    agencyId: z.uuid().optional(),
    nip: ZNip.nullable().optional(),
    name: ZName,
    email: ZEmail,
    employmentType: ZEmploymentType.nullable().optional(),
    unitId: z.uuid().nullable().optional(),
    positionId: z.uuid().nullable().optional(),
    roles: z.array(ZRole).min(1).default(['learner']),
    /** When omitted a temporary password is generated and returned once. */
    password: ZPassword.optional(),
  })
  .refine(employeeRule, { path: ['nip'], message: 'Learners need a NIP and an employment type' });
export type TCreateUserRequest = z.input<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.strictObject({
  nip: ZNip.nullable().optional(),
  name: ZName.optional(),
  email: ZEmail.optional(),
  employmentType: ZEmploymentType.nullable().optional(),
  unitId: z.uuid().nullable().optional(),
  positionId: z.uuid().nullable().optional(),
  roles: z.array(ZRole).min(1).optional(),
  active: z.boolean().optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZUserWithPassword = z.object({
  user: ZUser,
  /** Shown once to the admin; the user must change it at first login. */
  temporaryPassword: z.string().nullable(),
});
export type TUserWithPassword = z.infer<typeof ZUserWithPassword>;

export const ZResetPasswordResponse = z.object({ temporaryPassword: z.string() });
export type TResetPasswordResponse = z.infer<typeof ZResetPasswordResponse>;
