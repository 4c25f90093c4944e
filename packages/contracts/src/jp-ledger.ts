import { z } from 'zod';
import { ZPage, ZPageQuery, ZQueryBoolean } from './common';
import { ZDay } from './enrolments';
import { ZPositionType } from './positions';
import { EMPLOYMENT_TYPES, ZEmploymentType } from './roles';
import { JP_MAX } from './courses';

/**
 * The JP ledger (Jam Pelajaran): one ledger per employee per calendar year in Asia/Jakarta. Every
 * entry names its source (a completed course, an attended classroom session, an approved
 * non-classroom log), and a source credits each person at most once.
 */

/** 1 JP = 45 minutes of learning. */
export const JP_MINUTES = 45;
/** Years, deadlines and "today" are counted in this time zone. */
export const JP_TIME_ZONE = 'Asia/Jakarta';
export const JP_YEAR_MIN = 2000;
export const JP_YEAR_MAX = 2100;

export const JP_SOURCE_TYPES = ['course_completion', 'classroom_session', 'non_classroom'] as const;
export const ZJpSourceType = z.enum(JP_SOURCE_TYPES);
export type TJpSourceType = z.infer<typeof ZJpSourceType>;

export const ZJpEntry = z.object({
  id: z.uuid(),
  year: z.number().int(),
  jp: z.number(),
  sourceType: ZJpSourceType,
  /** The enrolment (course completion), the attendance, or the non-classroom log. */
  sourceId: z.uuid(),
  description: z.string(),
  occurredOn: ZDay,
  createdAt: z.iso.datetime(),
});
export type TJpEntry = z.infer<typeof ZJpEntry>;

/**
 * The year of one employee. `earned` sums every entry; `total` is what counts, i.e. `earned` held to
 * the cap (PPPK); `remaining` is what is still missing to reach the target (0 when reached, null
 * without a target); `overCap` is what was earned beyond the cap.
 */
export const ZJpSummary = z.object({
  year: z.number().int(),
  employmentType: ZEmploymentType.nullable(),
  earned: z.number(),
  total: z.number(),
  target: z.number().nullable(),
  cap: z.number().nullable(),
  remaining: z.number().nullable(),
  overCap: z.number(),
  /** Newest first. */
  entries: z.array(ZJpEntry),
});
export type TJpSummary = z.infer<typeof ZJpSummary>;

const ZYear = z.coerce.number().int().min(JP_YEAR_MIN).max(JP_YEAR_MAX);
/** `GET /api/me/jp?year=`: the current year in Asia/Jakarta when omitted. */
export const ZJpYearQuery = z.strictObject({ year: ZYear.optional() });
export type TJpYearQuery = z.infer<typeof ZJpYearQuery>;

// ---- targets ----

const ZJpAmount = z
  .number()
  .min(0)
  .max(JP_MAX)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'At most two decimals' });

/**
 * Target (the minimum each employee should reach) and cap (the most that counts) per agency and
 * employment type. Without an agency setting the platform defaults apply (JP_TARGET_PNS,
 * JP_CAP_PPPK, ...; by default PNS 20 JP minimum without cap, PPPK no minimum and a cap of 24).
 */
export const ZJpTarget = z.object({
  employmentType: ZEmploymentType,
  target: z.number().nullable(),
  cap: z.number().nullable(),
  /** true: the platform default (the agency has not set its own). */
  isDefault: z.boolean(),
});
export type TJpTarget = z.infer<typeof ZJpTarget>;

export const ZJpTargetList = z.object({ agencyId: z.uuid(), items: z.array(ZJpTarget) });
export type TJpTargetList = z.infer<typeof ZJpTargetList>;

export const ZJpTargetQuery = z.strictObject({ agencyId: z.uuid().optional() });

const ZJpTargetItem = z
  .strictObject({
    employmentType: ZEmploymentType,
    target: ZJpAmount.nullable(),
    cap: ZJpAmount.nullable(),
  })
  .refine((t) => t.target === null || t.cap === null || t.cap >= t.target, { path: ['cap'], message: 'The cap cannot be below the target' });

/** `PUT /api/jp-targets`: the agency's own values for the types listed; `reset` types go back to the platform default. */
export const ZSetJpTargetsRequest = z.strictObject({
  agencyId: z.uuid().optional(),
  items: z
    .array(ZJpTargetItem)
    .max(EMPLOYMENT_TYPES.length)
    .refine((items) => new Set(items.map((i) => i.employmentType)).size === items.length, { message: 'An employment type is listed twice' }),
  reset: z.array(ZEmploymentType).max(EMPLOYMENT_TYPES.length).default([]),
});
export type TSetJpTargetsRequest = z.input<typeof ZSetJpTargetsRequest>;

// ---- compliance report ----

/** `below`: has a target and has not reached it; `met`: reached it; `no_target`: the type has no minimum. */
export const JP_COMPLIANCE_STATUSES = ['below', 'met', 'no_target'] as const;
export const ZJpComplianceStatus = z.enum(JP_COMPLIANCE_STATUSES);
export type TJpComplianceStatus = z.infer<typeof ZJpComplianceStatus>;

export const ZJpComplianceRow = z.object({
  userId: z.uuid(),
  name: z.string(),
  nip: z.string().nullable(),
  employmentType: ZEmploymentType.nullable(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  position: z.object({ id: z.uuid(), code: z.string(), name: z.string(), type: ZPositionType }).nullable(),
  earned: z.number(),
  total: z.number(),
  target: z.number().nullable(),
  cap: z.number().nullable(),
  remaining: z.number().nullable(),
  status: ZJpComplianceStatus,
});
export type TJpComplianceRow = z.infer<typeof ZJpComplianceRow>;

export const ZJpComplianceSummary = z.object({
  employees: z.number().int(),
  below: z.number().int(),
  met: z.number().int(),
  noTarget: z.number().int(),
});

export const ZJpComplianceReport = ZPage(ZJpComplianceRow).extend({
  year: z.number().int(),
  /** Over every row the filters match (not only this page), whatever `status` says. */
  summary: ZJpComplianceSummary,
});
export type TJpComplianceReport = z.infer<typeof ZJpComplianceReport>;

const complianceFilters = {
  /** Platform admins name the agency; agency admins always get their own. */
  agencyId: z.uuid().optional(),
  year: ZYear.optional(),
  unitId: z.uuid().optional(),
  includeSubunits: ZQueryBoolean.optional(),
  employmentType: ZEmploymentType.optional(),
  /** Default `below`: who still needs JP. */
  status: z.enum([...JP_COMPLIANCE_STATUSES, 'all']).default('below'),
  /** Name or NIP. */
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['unit', 'name', 'total']).default('unit'),
};

/** `GET /api/reports/jp-compliance`: active employees (learners) of the agency with their year's JP. */
export const ZJpComplianceQuery = ZPageQuery.extend(complianceFilters);
export type TJpComplianceQuery = z.infer<typeof ZJpComplianceQuery>;

export const JP_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
/** `GET /api/reports/jp-compliance/export`: the same rows, unpaginated (up to JP_EXPORT_MAX_ROWS), as a file. */
export const ZJpComplianceExportQuery = z.strictObject({ ...complianceFilters, format: z.enum(JP_EXPORT_FORMATS).default('xlsx') });
export type TJpComplianceExportQuery = z.infer<typeof ZJpComplianceExportQuery>;
export const JP_EXPORT_MAX_ROWS = 50_000;
