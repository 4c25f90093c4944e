import { z } from 'zod';
import { ZName, ZPage, ZPageQuery } from './common';
import { JP_MAX } from './courses';
import { ZDay, ZLearnerRef } from './enrolments';

/**
 * Development done outside the platform (coaching, mentoring, magang, a seminar attended elsewhere,
 * self-study...), logged by the learner with dates, hours or JP and a proof file. The head of their
 * unit (or of a unit above it) or an agency admin approves or rejects it with a reason; an approved
 * log earns its JP (ledger source `non_classroom`, dated on its last day).
 *
 * Uploaded as `multipart/form-data`: the fields of ZCreateDevelopmentLogFields plus the proof in
 * the field `file`.
 */

/** The forms of competency development (shared/domain.md), in two families. */
export const DEVELOPMENT_FORMS = {
  pelatihan_klasikal: 'klasikal',
  workshop: 'klasikal',
  seminar: 'klasikal',
  kursus: 'klasikal',
  e_learning: 'non_klasikal',
  pelatihan_jarak_jauh: 'non_klasikal',
  belajar_mandiri: 'non_klasikal',
  coaching: 'non_klasikal',
  mentoring: 'non_klasikal',
  magang: 'non_klasikal',
  pertukaran_pegawai: 'non_klasikal',
  benchmarking: 'non_klasikal',
  detasering: 'non_klasikal',
  team_building: 'non_klasikal',
} as const;
export type TDevelopmentForm = keyof typeof DEVELOPMENT_FORMS;
export const ZDevelopmentForm = z.enum(Object.keys(DEVELOPMENT_FORMS) as [TDevelopmentForm, ...TDevelopmentForm[]]);
export const ZDevelopmentFamily = z.enum(['klasikal', 'non_klasikal']);

/** PDF, PNG, JPEG, WebP or a Word document (.docx), recognised from their bytes; at most 10 MiB. */
export const PROOF_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export const PROOF_MAX_BYTES = 10 * 1024 * 1024;

export const DEVELOPMENT_LOG_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const ZDevelopmentLogStatus = z.enum(DEVELOPMENT_LOG_STATUSES);
export type TDevelopmentLogStatus = z.infer<typeof ZDevelopmentLogStatus>;

const ZAmount = z.coerce
  .number()
  .gt(0)
  .max(JP_MAX)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: 'At most two decimals' });

/**
 * The form fields (multipart text, so numbers come as text). Give `jp` as stated on the certificate,
 * or `hours` of learning, turned into JP at 45 minutes each, rounded down to a quarter JP.
 */
export const ZCreateDevelopmentLogFields = z
  .strictObject({
    form: ZDevelopmentForm,
    title: ZName,
    organiser: z.string().trim().max(200).optional(),
    startedOn: ZDay,
    endedOn: ZDay,
    hours: ZAmount.optional(),
    jp: ZAmount.optional(),
    description: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.endedOn >= v.startedOn, { path: ['endedOn'], message: 'The activity cannot end before it starts' })
  .refine((v) => (v.hours === undefined) !== (v.jp === undefined), { path: ['jp'], message: 'Give either the JP or the hours' });
export type TCreateDevelopmentLogFields = z.input<typeof ZCreateDevelopmentLogFields>;

export const ZDevelopmentLog = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  form: ZDevelopmentForm,
  family: ZDevelopmentFamily,
  title: z.string(),
  organiser: z.string().nullable(),
  startedOn: ZDay,
  endedOn: ZDay,
  /** As given; null when JP were given. */
  hours: z.number().nullable(),
  /** What an approval credits. */
  jp: z.number(),
  description: z.string(),
  status: ZDevelopmentLogStatus,
  proof: z.object({ fileName: z.string(), contentType: z.string(), sizeBytes: z.number().int() }),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TDevelopmentLog = z.infer<typeof ZDevelopmentLog>;
export const ZDevelopmentLogPage = ZPage(ZDevelopmentLog);

export const ZMyDevelopmentLogQuery = ZPageQuery.extend({ status: ZDevelopmentLogStatus.optional() });
export type TMyDevelopmentLogQuery = z.infer<typeof ZMyDevelopmentLogQuery>;

/** A row of the approver's queue. */
export const ZDevelopmentLogRow = ZDevelopmentLog.extend({ learner: ZLearnerRef });
export type TDevelopmentLogRow = z.infer<typeof ZDevelopmentLogRow>;
export const ZDevelopmentLogRowPage = ZPage(ZDevelopmentLogRow);

/** Same scoping as the enrolment approval queue: unit heads (sub-units included), agency admins, platform admins. */
export const ZDevelopmentLogQueueQuery = ZPageQuery.extend({
  state: z.enum(['pending', 'decided']).default('pending'),
  agencyId: z.uuid().optional(),
});
export type TDevelopmentLogQueueQuery = z.infer<typeof ZDevelopmentLogQueueQuery>;

export const ZDecideDevelopmentLogRequest = z.strictObject({ reason: z.string().trim().max(1000).optional() });
export const ZRejectDevelopmentLogRequest = z.strictObject({ reason: z.string().trim().min(1, { message: 'Give the learner a reason' }).max(1000) });
