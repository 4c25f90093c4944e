import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DEFAULT_NUMBER_SCHEME, type TTemplateContent } from '@asah/contracts/certificates';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { notify } from '../notifications/notify';
import { Certificate, CertificateTemplateVersion } from './certificate.entities';
import { buildOpenBadge } from './credentials/open-badge';
import { signDocument } from './credentials/data-integrity';
import type { IssuerKeysService } from './credentials/issuer-keys.service';
import { formatNumber } from './numbering';

export interface IssueRequest {
  userId: string;
  courseId: string;
  /** The template; its current version is used. */
  templateId: string;
  enrolmentId: string | null;
  completedOn: string;
  method: 'auto' | 'manual' | 'bulk';
  issuedBy: string | null;
  idempotencyKey: string | null;
}

export type IssueOutcome =
  | { outcome: 'issued'; certificate: Certificate }
  | { outcome: 'already_issued'; certificate: Certificate };

/** The holder, course and issuer facts a certificate copies; loaded once per request (bulk: once per batch for course and agency). */
export interface IssueContext {
  agency: { id: string; code: string; name: string };
  course: { id: string; code: string; title: string; jp: string; agencyId: string | null };
  template: CertificateTemplateVersion & { content: TTemplateContent };
}

export const verificationUrl = (baseUrl: string, code: string) => `${baseUrl}/verify/${code}`;

/**
 * Locks the agency's numbering row (created with the default scheme on first use) for the rest of
 * the transaction. Every issue of the agency takes this lock first, so numbers are handed out one
 * transaction at a time and a rolled-back transaction gives its numbers back: no gaps, no duplicates.
 */
export async function lockNumbering(tx: EntityManager, agencyId: string): Promise<{ scheme: string; nextStatusIndex: number }> {
  await tx.query(`INSERT INTO certificate_numbering (agency_id, scheme) VALUES ($1, $2) ON CONFLICT (agency_id) DO NOTHING`, [agencyId, DEFAULT_NUMBER_SCHEME]);
  const [row] = await tx.query(`SELECT scheme, next_status_index FROM certificate_numbering WHERE agency_id = $1 FOR UPDATE`, [agencyId]);
  return { scheme: row.scheme, nextStatusIndex: row.next_status_index };
}

/** Loads the agency, course and current template version, checking they belong together. */
export async function issueContext(tx: EntityManager, agencyId: string, courseId: string, templateId: string): Promise<IssueContext> {
  const [agency] = await tx.query(`SELECT id, code, name FROM agencies WHERE id = $1`, [agencyId]);
  if (!agency) throw notFound('Agency');
  const [course] = await tx.query(`SELECT id, code, title, jp, agency_id FROM courses WHERE id = $1`, [courseId]);
  if (!course || (course.agency_id !== null && course.agency_id !== agencyId)) throw notFound('Course');
  const [template] = await tx.query(`SELECT id, current_version, archived FROM certificate_templates WHERE id = $1 AND agency_id = $2`, [templateId, agencyId]);
  if (!template) throw notFound('Template');
  const version = await tx.findOneByOrFail(CertificateTemplateVersion, { templateId, version: template.current_version });
  return { agency, course: { id: course.id, code: course.code, title: course.title, jp: course.jp, agencyId: course.agency_id }, template: version };
}

/**
 * Issues one certificate inside `tx`, which must hold the agency's numbering lock (lockNumbering).
 * Idempotent: the same idempotency key, or a valid certificate of the same course and holder,
 * answers the existing certificate. Writes the audit row and the holder's notification in `tx`.
 * The PDF is rendered afterwards (deterministic, see CertificatePdfService).
 */
export async function issueLocked(
  tx: EntityManager,
  ctx: IssueContext,
  numbering: { scheme: string; nextStatusIndex: number },
  req: IssueRequest,
  keys: IssuerKeysService,
  now: Date = new Date(),
): Promise<IssueOutcome> {
  if (req.idempotencyKey) {
    const same = await tx.findOneBy(Certificate, { idempotencyKey: req.idempotencyKey });
    if (same) return { outcome: 'already_issued', certificate: same };
  }
  const valid = await tx.findOneBy(Certificate, { courseId: req.courseId, userId: req.userId, status: 'valid' });
  if (valid) return { outcome: 'already_issued', certificate: valid };

  const [holder] = await tx.query(`SELECT id, name, nip, agency_id FROM users WHERE id = $1`, [req.userId]);
  if (!holder || holder.agency_id !== ctx.agency.id) throw notFound('Learner');

  const issuedOn = jakartaDay(now);
  const year = Number(issuedOn.slice(0, 4));
  const [{ last_seq: seq }] = await tx.query(
    `INSERT INTO certificate_counters (agency_id, year, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, year) DO UPDATE SET last_seq = certificate_counters.last_seq + 1 RETURNING last_seq`,
    [ctx.agency.id, year],
  );
  const statusIndex = numbering.nextStatusIndex;
  numbering.nextStatusIndex += 1;
  await tx.query(`UPDATE certificate_numbering SET next_status_index = $2 WHERE agency_id = $1`, [ctx.agency.id, numbering.nextStatusIndex]);

  const id = randomUUID();
  const number = formatNumber(numbering.scheme, { year, agency: ctx.agency.code, course: ctx.course.code, seq });
  // 128 random bits: not guessable, short enough for a QR code.
  const code = randomBytes(16).toString('base64url');
  const signer = ctx.template.content.signer;
  const key = await keys.activeKey(ctx.agency.id, tx);
  const badge = buildOpenBadge({
    certificateId: id,
    number,
    issuedAt: now,
    holder: { name: holder.name, nip: holder.nip, userId: holder.id },
    course: { id: ctx.course.id, code: ctx.course.code, title: ctx.course.title, jp: Number(ctx.course.jp) },
    completedOn: req.completedOn,
    issuer: { id: keys.issuerId(ctx.agency.id), name: ctx.agency.name, url: keys.baseUrl },
    verificationUrl: verificationUrl(keys.baseUrl, code),
    status: { url: keys.statusListUrl(ctx.agency.id), index: statusIndex },
    baseUrl: keys.baseUrl,
  });
  const credential = signDocument(badge, key.privateKey, key.verificationMethod, now);

  const certificate = tx.create(Certificate, {
    id,
    agencyId: ctx.agency.id,
    userId: holder.id,
    courseId: ctx.course.id,
    enrolmentId: req.enrolmentId,
    number,
    verificationCode: code,
    status: 'valid',
    method: req.method,
    holderName: holder.name,
    holderNip: holder.nip,
    courseCode: ctx.course.code,
    courseTitle: ctx.course.title,
    jp: ctx.course.jp,
    completedOn: req.completedOn,
    issuedOn,
    issuedAt: now,
    issuerCode: ctx.agency.code,
    issuerName: ctx.agency.name,
    templateId: ctx.template.templateId,
    templateVersionId: ctx.template.id,
    templateVersionNumber: ctx.template.version,
    signerName: signer.name,
    signerTitle: signer.title ?? '',
    signerNip: signer.nip ?? null,
    issuedBy: req.issuedBy,
    idempotencyKey: req.idempotencyKey,
    statusIndex,
    credential,
    pdfKey: null,
    revokedAt: null,
    revokedBy: null,
    revocationReason: null,
  });
  await tx.getRepository(Certificate).insert(certificate as never);
  await tx.query(`INSERT INTO certificate_audit (certificate_id, action, actor_id) VALUES ($1, 'issued', $2)`, [id, req.issuedBy]);
  await notify(tx, 'certificate_issued', [
    { userId: holder.id, data: { certificateId: id, certificateNumber: number, courseId: ctx.course.id, courseTitle: ctx.course.title, jp: Number(ctx.course.jp) } },
  ]);
  return { outcome: 'issued', certificate };
}

export const noTemplate = () => new DomainError('CERTIFICATE_NO_TEMPLATE', 'The course has no certificate template; choose one');
