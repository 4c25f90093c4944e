import { z } from 'zod';
import { ZCode, ZName } from './common';

/** A work unit (unit kerja / OPD). Units form a tree per agency through parentId. */
export const ZUnit = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  employeeCount: z.number().int(),
  /** The head of the unit (kepala unit): approves their employees' enrolment requests, sub-units included. */
  headUserId: z.uuid().nullable(),
  head: z.object({ id: z.uuid(), name: z.string(), nip: z.string().nullable() }).nullable(),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitList = z.object({ items: z.array(ZUnit) });

/** Platform admins name the agency; agency admins always work in their own. */
export const ZUnitListQuery = z.strictObject({ agencyId: z.uuid().optional() });

export const ZCreateUnitRequest = z.strictObject({
  agencyId: z.uuid().optional(),
  parentId: z.uuid().nullable().optional(),
  code: ZCode,
  name: ZName,
  /** An active employee of the agency. */
  headUserId: z.uuid().nullable().optional(),
});
export type TCreateUnitRequest = z.infer<typeof ZCreateUnitRequest>;

export const ZUpdateUnitRequest = z.strictObject({
  parentId: z.uuid().nullable().optional(),
  code: ZCode.optional(),
  name: ZName.optional(),
  headUserId: z.uuid().nullable().optional(),
});
export type TUpdateUnitRequest = z.infer<typeof ZUpdateUnitRequest>;
