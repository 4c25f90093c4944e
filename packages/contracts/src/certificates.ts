import { z } from 'zod';
import { ZName, ZPage, ZPageQuery } from './common';
import { ZDay } from './enrolments';

/**
 * Certificates (sertifikat): templates an agency admin designs, certificates issued from them
 * (automatically on course completion, manually for one learner, or in bulk as a background job),
 * their PDF with a QR code to the public verification page, and an Open Badges 3.0 credential
 * (a W3C Verifiable Credential 2.0 signed with the agency's Ed25519 key, Data Integrity
 * `eddsa-jcs-2022`).
 *
 * A certificate is immutable once issued: corrections mean revoke (with a reason) and issue again.
 * At most one valid certificate per learner and course.
 */

// ---- templates ----

export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export const ZOrientation = z.enum(ORIENTATIONS);
export type TOrientation = z.infer<typeof ZOrientation>;

/** A4 in PDF points (1/72 inch); field positions are in points from the TOP-LEFT corner of the page. */
export const A4_POINTS = { width: 595.28, height: 841.89 } as const;
export function pageSize(orientation: TOrientation): { width: number; height: number } {
  return orientation === 'portrait' ? { width: A4_POINTS.width, height: A4_POINTS.height } : { width: A4_POINTS.height, height: A4_POINTS.width };
}

/**
 * What a placed field shows. Text fields draw the value; `signature_image`, `agency_logo` and
 * `qr_code` draw an image in the box `width` × `height`; `free_text` draws `text`, in which
 * `{holderName}`, `{nip}`, `{courseTitle}`, `{jp}`, `{completedOn}`, `{issuedOn}`, `{number}` and
 * `{agencyName}` are replaced.
 */
export const FIELD_KINDS = [
  'holder_name',
  'holder_nip',
  'course_title',
  'jp',
  'completed_on',
  'issued_on',
  'certificate_number',
  'signer_name',
  'signer_title',
  'signer_nip',
  'agency_name',
  'signature_image',
  'agency_logo',
  'qr_code',
  'free_text',
] as const;
export const ZFieldKind = z.enum(FIELD_KINDS);
export type TFieldKind = z.infer<typeof ZFieldKind>;
export const IMAGE_FIELD_KINDS = ['signature_image', 'agency_logo', 'qr_code'] as const satisfies readonly TFieldKind[];

/** Embedded DejaVu fonts (any Unicode name renders). */
export const FONTS = ['sans', 'sans_bold', 'serif', 'serif_bold'] as const;
export const ZFont = z.enum(FONTS);
export type TFont = z.infer<typeof ZFont>;

export const ALIGNS = ['left', 'center', 'right'] as const;
export const ZAlign = z.enum(ALIGNS);

export const ZTemplateField = z.strictObject({
  kind: ZFieldKind,
  /** Points from the left edge: the left end (align left), centre (center) or right end (right) of the text; the left edge of an image. */
  x: z.number().min(0).max(A4_POINTS.height),
  /** Points from the top edge: the top of the text line or image. */
  y: z.number().min(0).max(A4_POINTS.height),
  /** Images: box width; text: wraps/shrinks to this width when given. */
  width: z.number().positive().max(A4_POINTS.height).nullable().default(null),
  /** Images only: box height. */
  height: z.number().positive().max(A4_POINTS.height).nullable().default(null),
  font: ZFont.default('sans'),
  fontSize: z.number().min(4).max(96).default(12),
  align: ZAlign.default('left'),
  /** `#rrggbb`. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'A colour like #1a2b3c' }).default('#000000'),
  /** free_text only: the text, with `{placeholders}` (see FIELD_KINDS). */
  text: z.string().max(2000).nullable().default(null),
});
export type TTemplateField = z.output<typeof ZTemplateField>;
export type TTemplateFieldInput = z.input<typeof ZTemplateField>;

export const ZSigner = z.strictObject({
  name: ZName,
  title: z.string().trim().max(200).default(''),
  nip: z.string().trim().max(40).nullable().default(null),
});
export type TSigner = z.output<typeof ZSigner>;

/**
 * The editable content of a template. Asset ids come from `POST /api/certificate-assets` (multipart
 * `file`: PNG/JPEG for images, PDF allowed as background; first page used).
 */
export const ZTemplateContent = z.strictObject({
  name: ZName,
  orientation: ZOrientation.default('landscape'),
  backgroundAssetId: z.uuid().nullable().default(null),
  signatureAssetId: z.uuid().nullable().default(null),
  logoAssetId: z.uuid().nullable().default(null),
  signer: ZSigner,
  fields: z.array(ZTemplateField).max(60),
});
export type TTemplateContent = z.output<typeof ZTemplateContent>;
export type TTemplateContentInput = z.input<typeof ZTemplateContent>;

/** `POST /api/certificate-templates` (platform admins add `agencyId`). */
export const ZCreateTemplateRequest = ZTemplateContent.extend({ agencyId: z.uuid().optional() });
export type TCreateTemplateRequest = z.input<typeof ZCreateTemplateRequest>;
/** `PUT /api/certificate-templates/:id`: saves a NEW version; certificates keep the version they were issued with. */
export const ZUpdateTemplateRequest = ZTemplateContent;
export type TUpdateTemplateRequest = z.input<typeof ZUpdateTemplateRequest>;

export const ZTemplate = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  /** 1 for the first save; each update adds one. */
  version: z.number().int(),
  archived: z.boolean(),
  ...ZTemplateContent.shape,
  orientation: ZOrientation,
  signer: z.object({ name: z.string(), title: z.string(), nip: z.string().nullable() }),
  fields: z.array(ZTemplateField),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TTemplate = z.output<typeof ZTemplate>;
export const ZTemplatePage = ZPage(ZTemplate);
export const ZTemplateQuery = ZPageQuery.extend({ agencyId: z.uuid().optional(), includeArchived: z.enum(['true', 'false']).transform((v) => v === 'true').optional() });
export type TTemplateQuery = z.output<typeof ZTemplateQuery>;

/**
 * `POST /api/certificate-templates/preview` answers `application/pdf`: the posted (unsaved) content
 * rendered with sample data (live preview in the designer). Platform admins add `agencyId`.
 */
export const ZTemplatePreviewRequest = ZCreateTemplateRequest;

export const ASSET_KINDS = ['background', 'signature', 'logo'] as const;
export const ZAssetKind = z.enum(ASSET_KINDS);
/** Multipart fields of `POST /api/certificate-assets` besides `file`. */
export const ZAssetUploadFields = z.strictObject({ kind: ZAssetKind, agencyId: z.uuid().optional() });
export const ASSET_MAX_BYTES = 5 * 1024 * 1024;
/** Content is at `GET /api/certificate-assets/:id` (admins of the agency). */
export const ZAsset = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  kind: ZAssetKind,
  contentType: z.enum(['image/png', 'image/jpeg', 'application/pdf']),
  size: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type TAsset = z.infer<typeof ZAsset>;

// ---- numbering and course settings ----

/**
 * Per agency: `{year}` (4 digits), `{agency}` (agency code), `{course}` (course code), `{seq:N}`
 * (the yearly sequence, zero-padded to N digits; required). Gapless and unique per agency and year.
 */
export const DEFAULT_NUMBER_SCHEME = 'SERT/{year}/{agency}/{seq:6}';
export const ZNumberScheme = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((s) => /\{seq(:\d{1,2})?\}/.test(s), { message: 'The scheme needs {seq} or {seq:N}' })
  .refine((s) => (s.match(/\{[^}]*\}/g) ?? []).every((t) => /^\{(year|agency|course|seq(:\d{1,2})?)\}$/.test(t)), {
    message: 'Use only {year}, {agency}, {course} and {seq:N}',
  });

/** `GET|PUT /api/certificate-settings?agencyId=` (platform admins name the agency). */
export const ZAgencyCertificateSettings = z.object({
  agencyId: z.uuid(),
  numberScheme: z.string(),
  /** Next number this year, for the preview. */
  nextNumberPreview: z.string(),
});
export type TAgencyCertificateSettings = z.infer<typeof ZAgencyCertificateSettings>;
export const ZUpdateAgencyCertificateSettings = z.strictObject({ numberScheme: ZNumberScheme, agencyId: z.uuid().optional() });
export type TUpdateAgencyCertificateSettings = z.input<typeof ZUpdateAgencyCertificateSettings>;

/** `GET|PUT /api/courses/:id/certificate-settings`: whether completion issues a certificate, with which template. */
export const ZCourseCertificateSettings = z.object({
  courseId: z.uuid(),
  autoIssue: z.boolean(),
  templateId: z.uuid().nullable(),
});
export type TCourseCertificateSettings = z.infer<typeof ZCourseCertificateSettings>;
export const ZUpdateCourseCertificateSettings = z
  .strictObject({ autoIssue: z.boolean(), templateId: z.uuid().nullable() })
  .refine((s) => !s.autoIssue || s.templateId !== null, { message: 'Choose a template to issue automatically', path: ['templateId'] });
export type TUpdateCourseCertificateSettings = z.input<typeof ZUpdateCourseCertificateSettings>;

// ---- issuing ----

/**
 * `POST /api/certificates`: one learner of the agency. Without `templateId` the course's template is
 * used. `completedOn` defaults to the learner's completion day of the course, else today (Asia/Jakarta).
 * A learner who already holds a valid certificate of the course gets CERTIFICATE_EXISTS.
 */
export const ZIssueCertificateRequest = z.strictObject({
  courseId: z.uuid(),
  userId: z.uuid(),
  templateId: z.uuid().optional(),
  completedOn: ZDay.optional(),
});
export type TIssueCertificateRequest = z.input<typeof ZIssueCertificateRequest>;

export const BULK_ISSUE_MAX = 20_000;
const bulkIssueCommon = { templateId: z.uuid().optional() };
/**
 * `POST /api/courses/:id/certificates/bulk` starts a job and answers it (202). By cohort: every
 * learner of the cohort who completed the course; by users or NIPs: those learners (of the agency),
 * whether they completed or not (`onlyCompleted` true skips the others as `not_completed`).
 */
export const ZBulkIssueRequest = z.discriminatedUnion('by', [
  z.strictObject({ by: z.literal('cohort'), cohortId: z.uuid(), ...bulkIssueCommon }),
  z.strictObject({ by: z.literal('users'), userIds: z.array(z.uuid()).min(1).max(BULK_ISSUE_MAX), onlyCompleted: z.boolean().default(false), ...bulkIssueCommon }),
  z.strictObject({ by: z.literal('nips'), nips: z.array(z.string().trim().max(40)).min(1).max(BULK_ISSUE_MAX), onlyCompleted: z.boolean().default(false), ...bulkIssueCommon }),
]);
export type TBulkIssueRequest = z.input<typeof ZBulkIssueRequest>;

export const BULK_JOB_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const ZBulkJobStatus = z.enum(BULK_JOB_STATUSES);
export type TBulkJobStatus = z.infer<typeof ZBulkJobStatus>;

/**
 * Per item: `issued`; `already_issued` (a valid certificate existed: no new one); `not_completed`;
 * `unknown_nip` (no learner of this agency has it); `invalid_nip`; `duplicate` (listed earlier); `failed` (see message).
 */
export const BULK_ISSUE_OUTCOMES = ['issued', 'already_issued', 'not_completed', 'unknown_nip', 'invalid_nip', 'duplicate', 'failed'] as const;
export const ZBulkIssueOutcome = z.enum(BULK_ISSUE_OUTCOMES);
export type TBulkIssueOutcome = z.infer<typeof ZBulkIssueOutcome>;

/** `GET /api/certificate-jobs/:id` (poll it for the progress bar). */
export const ZBulkJob = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  courseId: z.uuid(),
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  status: ZBulkJobStatus,
  total: z.number().int(),
  /** Items done (any outcome); progress = processed / total. */
  processed: z.number().int(),
  counts: z.record(ZBulkIssueOutcome, z.number().int()),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  error: z.string().nullable(),
});
export type TBulkJob = z.infer<typeof ZBulkJob>;
export const ZBulkJobPage = ZPage(ZBulkJob);
export const ZBulkJobQuery = ZPageQuery.extend({ courseId: z.uuid().optional(), agencyId: z.uuid().optional() });

export const ZBulkJobItem = z.object({
  /** 1-based place in the request. */
  position: z.number().int(),
  userId: z.uuid().nullable(),
  nip: z.string().nullable(),
  name: z.string().nullable(),
  /** Null while pending. */
  outcome: ZBulkIssueOutcome.nullable(),
  /** English; translate `outcome`. */
  message: z.string().nullable(),
  certificateId: z.uuid().nullable(),
  certificateNumber: z.string().nullable(),
});
export type TBulkJobItem = z.infer<typeof ZBulkJobItem>;
/** `GET /api/certificate-jobs/:id/items` (the result report; paged). */
export const ZBulkJobItemPage = ZPage(ZBulkJobItem);
export const ZBulkJobItemQuery = ZPageQuery.extend({ outcome: ZBulkIssueOutcome.optional() });

// ---- certificates ----

export const CERTIFICATE_STATUSES = ['valid', 'revoked'] as const;
export const ZCertificateStatus = z.enum(CERTIFICATE_STATUSES);
export type TCertificateStatus = z.infer<typeof ZCertificateStatus>;

export const ISSUE_METHODS = ['auto', 'manual', 'bulk'] as const;
export const ZIssueMethod = z.enum(ISSUE_METHODS);

export const ZCertificate = z.object({
  id: z.uuid(),
  number: z.string(),
  /** Unguessable; the verification page is `<learner portal>/verify/<code>`. */
  verificationCode: z.string(),
  verificationUrl: z.string(),
  status: ZCertificateStatus,
  method: ZIssueMethod,
  holder: z.object({ userId: z.uuid(), name: z.string(), nip: z.string().nullable() }),
  course: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  jp: z.number(),
  completedOn: ZDay,
  issuedOn: ZDay,
  issuedAt: z.iso.datetime(),
  agency: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  templateId: z.uuid(),
  templateVersion: z.number().int(),
  signer: z.object({ name: z.string(), title: z.string(), nip: z.string().nullable() }),
  issuedBy: z.uuid().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: z.uuid().nullable(),
  revocationReason: z.string().nullable(),
});
export type TCertificate = z.infer<typeof ZCertificate>;
/**
 * Admins: `GET /api/certificates` (agency scope); learners: `GET /api/me/certificates`.
 * Files: `GET /api/certificates/:id/pdf` (application/pdf) and `GET /api/certificates/:id/credential`
 * (the Open Badges JSON), for the holder and the agency's admins.
 */
export const ZCertificatePage = ZPage(ZCertificate);
export const ZCertificateQuery = ZPageQuery.extend({
  agencyId: z.uuid().optional(),
  courseId: z.uuid().optional(),
  userId: z.uuid().optional(),
  status: ZCertificateStatus.optional(),
});
export type TCertificateQuery = z.output<typeof ZCertificateQuery>;

/** `POST /api/certificates/:id/revoke`. */
export const ZRevokeCertificateRequest = z.strictObject({ reason: z.string().trim().min(1, { message: 'Give a reason' }).max(1000) });
export type TRevokeCertificateRequest = z.infer<typeof ZRevokeCertificateRequest>;

// ---- public verification ----

/** `GET /api/verify/:code` (public, rate-limited). Unknown code: 404 NOT_FOUND. */
export const ZVerification = z.object({
  number: z.string(),
  holderName: z.string(),
  /** e.g. `1987••••••••••1001`: first 4 and last 4 digits. */
  maskedNip: z.string().nullable(),
  courseTitle: z.string(),
  jp: z.number(),
  completedOn: ZDay,
  issuedOn: ZDay,
  issuer: z.object({ name: z.string(), code: z.string() }),
  signer: z.object({ name: z.string(), title: z.string() }),
  status: ZCertificateStatus,
  revokedAt: z.iso.datetime().nullable(),
  revocationReason: z.string().nullable(),
});
export type TVerification = z.infer<typeof ZVerification>;

export function maskNip(nip: string | null): string | null {
  if (!nip) return null;
  if (nip.length <= 8) return '•'.repeat(nip.length);
  return nip.slice(0, 4) + '•'.repeat(nip.length - 8) + nip.slice(-4);
}

// ---- Open Badges 3.0 ----

/**
 * `POST /api/credentials/verify` (public, rate-limited): body = the credential JSON as downloaded.
 * Checks the Data Integrity proof (eddsa-jcs-2022) against the issuer's published key, the
 * BitstringStatusList entry, and validFrom/validUntil. Always 200 with the verdict (400 only for a
 * body that is not a JSON object).
 */
export const CREDENTIAL_CHECKS = ['shape', 'signature', 'status', 'dates'] as const;
export const ZCredentialCheck = z.object({
  check: z.enum(CREDENTIAL_CHECKS),
  ok: z.boolean(),
  /** English detail, e.g. `revoked`, `signature does not match`. */
  message: z.string(),
});
export const ZCredentialVerifyResult = z.object({
  verified: z.boolean(),
  checks: z.array(ZCredentialCheck),
  /** When the credential refers to a certificate of this platform. */
  status: ZCertificateStatus.nullable(),
  certificateNumber: z.string().nullable(),
});
export type TCredentialVerifyResult = z.infer<typeof ZCredentialVerifyResult>;

/** `GET /api/credentials/keys`: the well-known list of issuer public keys (Multikey, Ed25519), active and retired. */
export const ZIssuerKey = z.object({
  id: z.string(),
  type: z.literal('Multikey'),
  controller: z.string(),
  publicKeyMultibase: z.string(),
  agencyId: z.uuid(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  retiredAt: z.iso.datetime().nullable(),
});
export type TIssuerKey = z.infer<typeof ZIssuerKey>;
export const ZIssuerKeyList = z.object({ keys: z.array(ZIssuerKey) });

/** `POST /api/certificate-keys/rotate` (agency admins; platform admins add `agencyId`): a new key signs from now on; old ones stay published. */
export const ZRotateKeyRequest = z.strictObject({ agencyId: z.uuid().optional() });
