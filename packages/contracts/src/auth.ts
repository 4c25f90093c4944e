import { z } from 'zod';
import { ZRole, ZEmploymentType } from './roles';

export const PASSWORD_MIN_LENGTH = 8;
export const ZPassword = z.string().min(PASSWORD_MIN_LENGTH).max(200);

export const ZLoginRequest = z.strictObject({
  /** A NIP (with or without spaces) or an email address. */
  identifier: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZChangePasswordRequest = z
  .strictObject({
    currentPassword: z.string().min(1).max(200),
    newPassword: ZPassword,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    path: ['newPassword'],
    message: 'The new password must differ from the current one',
  });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

const ZRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

/** The signed-in user as both portals see them (GET /api/auth/me). */
export const ZMe = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  nip: z.string().nullable(),
  roles: z.array(ZRole),
  employmentType: ZEmploymentType.nullable(),
  mustChangePassword: z.boolean(),
  agency: ZRef.nullable(),
  unit: ZRef.extend({ path: z.array(z.string()) }).nullable(),
  position: ZRef.extend({ type: z.string(), functionalLevel: z.string().nullable() }).nullable(),
});
export type TMe = z.infer<typeof ZMe>;
