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
 * answers the existing certificate. A learner who is not (or no longer) of the agency is a 404.
 */
export async function issueLocked(
  tx: EntityManager,
  ctx: IssueContext,
  numbering: { scheme: string; nextStatusIndex: number },
  req: IssueRequest,
  keys: IssuerKeysService,
  now: Date = new Date(),
): Promise<IssueOutcome> {
  const [result] = await issueMany(tx, ctx, numbering, [req], keys, now);
  if (result.outcome === 'not_in_agency' || result.outcome === 'duplicate') throw notFound('Learner');
  return result;
}

/**
 * Issues certificates of one course inside `tx` (holding the agency's numbering lock), with a
 * handful of statements whatever the count: existing certificates and holders are read at once,
 * the yearly counter moves by the number issued, rows, audit and notifications are inserted
 * together. Outcomes are in the order of `reqs`. Writes the audit rows and the holders'
 * notifications in `tx`; the PDFs are rendered afterwards (deterministic, CertificatePdfService).
 */
export async function issueMany(
  tx: EntityManager,
  ctx: IssueContext,
  numbering: { scheme: string; nextStatusIndex: number },
  reqs: IssueRequest[],
  keys: IssuerKeysService,
  now: Date = new Date(),
): Promise<ManyOutcome[]> {
  const repo = tx.getRepository(Certificate);
  const idempotencyKeys = reqs.map((r) => r.idempotencyKey).filter((k): k is string => k !== null);
  const byKey = new Map(
    (idempotencyKeys.length ? await repo.createQueryBuilder('c').where('c.idempotencyKey = ANY(:keys)', { keys: idempotencyKeys }).getMany() : []).map((c) => [c.idempotencyKey!, c]),
  );
  const userIds = reqs.map((r) => r.userId);
  const valid = new Map(
    (await repo.createQueryBuilder('c').where("c.courseId = :courseId AND c.userId = ANY(:userIds) AND c.status = 'valid'", { courseId: ctx.course.id, userIds }).getMany()).map((c) => [c.userId, c]),
  );
  const holders = new Map<string, { id: string; name: string; nip: string | null; agency_id: string | null }>(
    (await tx.query(`SELECT id, name, nip, agency_id FROM users WHERE id = ANY($1)`, [userIds])).map((h: { id: string }) => [h.id, h]),
  );

  const results: (ManyOutcome | null)[] = reqs.map(() => null);
  const fresh: number[] = [];
  reqs.forEach((req, i) => {
    const existing = (req.idempotencyKey ? byKey.get(req.idempotencyKey) : undefined) ?? valid.get(req.userId);
    if (existing) results[i] = { outcome: 'already_issued', certificate: existing };
    else if (holders.get(req.userId)?.agency_id !== ctx.agency.id) results[i] = { outcome: 'not_in_agency' };
    else if (fresh.some((j) => reqs[j].userId === req.userId)) results[i] = { outcome: 'duplicate' };
    else fresh.push(i);
  });
  if (!fresh.length) return results as ManyOutcome[];

  const issuedOn = jakartaDay(now);
  const year = Number(issuedOn.slice(0, 4));
  const [{ last_seq: lastSeq }] = await tx.query(
    `INSERT INTO certificate_counters (agency_id, year, last_seq) VALUES ($1, $2, $3)
     ON CONFLICT (agency_id, year) DO UPDATE SET last_seq = certificate_counters.last_seq + $3 RETURNING last_seq`,
    [ctx.agency.id, year, fresh.length],
  );
  const firstSeq = lastSeq - fresh.length + 1;
  const firstIndex = numbering.nextStatusIndex;
  numbering.nextStatusIndex += fresh.length;
  await tx.query(`UPDATE certificate_numbering SET next_status_index = $2 WHERE agency_id = $1`, [ctx.agency.id, numbering.nextStatusIndex]);

  const key = await keys.activeKey(ctx.agency.id, tx);
  const signer = ctx.template.content.signer;
  const jp = Number(ctx.course.jp);
  const rows = fresh.map((i, n) => {
    const req = reqs[i];
    const holder = holders.get(req.userId)!;
    const id = randomUUID();
    const seq = firstSeq + n;
    const statusIndex = firstIndex + n;
    const number = formatNumber(numbering.scheme, { year, agency: ctx.agency.code, course: ctx.course.code, seq });
    // 128 random bits: not guessable, short enough for a QR code.
    const code = randomBytes(16).toString('base64url');
    const badge = buildOpenBadge({
      certificateId: id,
      number,
      issuedAt: now,
      holder: { name: holder.name, nip: holder.nip, userId: holder.id },
      course: { id: ctx.course.id, code: ctx.course.code, title: ctx.course.title, jp },
      completedOn: req.completedOn,
      issuer: { id: keys.issuerId(ctx.agency.id), name: ctx.agency.name, url: keys.baseUrl },
      verificationUrl: verificationUrl(keys.baseUrl, code),
      status: { url: keys.statusListUrl(ctx.agency.id), index: statusIndex },
      baseUrl: keys.baseUrl,
    });
    return tx.create(Certificate, {
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
      credential: signDocument(badge, key.privateKey, key.verificationMethod, now),
      pdfKey: null,
      revokedAt: null,
      revokedBy: null,
      revocationReason: null,
    });
  });
  await repo.insert(rows as never);
  await tx.query(
    `INSERT INTO certificate_audit (certificate_id, action, actor_id) SELECT c.id, 'issued', c.actor FROM unnest($1::uuid[], $2::uuid[]) AS c(id, actor)`,
    [rows.map((r) => r.id), fresh.map((i) => reqs[i].issuedBy)],
  );
  await notify(
    tx,
    'certificate_issued',
    rows.map((c) => ({ userId: c.userId, data: { certificateId: c.id, certificateNumber: c.number, courseId: ctx.course.id, courseTitle: ctx.course.title, jp } })),
  );
  fresh.forEach((i, n) => (results[i] = { outcome: 'issued', certificate: rows[n] }));
  return results as ManyOutcome[];
}

export type ManyOutcome = IssueOutcome | { outcome: 'not_in_agency' } | { outcome: 'duplicate' };

export const noTemplate = () => new DomainError('CERTIFICATE_NO_TEMPLATE', 'The course has no certificate template; choose one');
