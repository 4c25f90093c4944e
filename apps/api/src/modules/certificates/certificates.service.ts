import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource, EntityManager } from 'typeorm';
import {
  maskNip,
  type TCertificate,
  type TCertificateQuery,
  type TCredentialVerifyResult,
  type TIssueCertificateRequest,
  type TVerification,
} from '@asah/contracts/certificates';
import type { TPage } from '@asah/contracts/common';
import { Actor, canSeeAgency, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { likePattern, uniqueViolation } from '../../common/db/unique-violation';
import { Params } from '../../common/db/sql';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { EventsService } from '../events/events.service';
import { notify } from '../notifications/notify';
import { Certificate } from './certificate.entities';
import { CertificatePdfService } from './certificate-pdf.service';
import { encodeStatusList, signDocument, statusBit, verifyDocument } from './credentials/data-integrity';
import { IssuerKeysService } from './credentials/issuer-keys.service';
import { OB_CONTEXT, VC_CONTEXT } from './credentials/open-badge';
import { issueContext, issueLocked, lockNumbering, noTemplate, verificationUrl } from './issuing';

export const CERTIFICATE_SUBSCRIBER = 'certificates.auto-issue';

/**
 * Issuing (manual and automatic on course completion), revocation, the holder's and admins' lists
 * and files, public verification, the status list and credential verification.
 */
@Injectable()
export class CertificatesService implements OnModuleInit {
  private readonly logger = new Logger('Certificates');
  private readonly limiter: RateLimiterPostgres;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: IssuerKeysService,
    private readonly pdf: CertificatePdfService,
    private readonly events: EventsService,
  ) {
    // Same store as the login limits (table login_limits), so the limit holds across processes.
    this.limiter = new RateLimiterPostgres({
      storeClient: db,
      storeType: 'typeorm',
      tableName: 'login_limits',
      tableCreated: true,
      keyPrefix: 'verify',
      points: config.env.VERIFY_RATE_LIMIT_PER_MINUTE,
      duration: 60,
    });
  }

  onModuleInit(): void {
    this.events.subscribe(CERTIFICATE_SUBSCRIBER, 'course.completed', async (event, tx) => {
      await this.autoIssue(tx, event.payload);
    });
  }

  /**
   * Course completed: issue when the course says so (`certificateOnCompletion`) with the course's
   * template, or the agency's newest template when none is chosen. Runs in the event delivery's
   * transaction; the idempotency key `enrolment:<id>` makes a replay answer the same certificate.
   */
  async autoIssue(tx: EntityManager, p: { enrolmentId: string; userId: string; courseId: string; completedAt: string }): Promise<Certificate | null> {
    const [course] = await tx.query(
      `SELECT c.certificate_on_completion AS on, s.template_id, u.agency_id FROM courses c
       LEFT JOIN course_certificate_settings s ON s.course_id = c.id JOIN users u ON u.id = $2 WHERE c.id = $1`,
      [p.courseId, p.userId],
    );
    if (!course?.on || !course.agency_id) return null;
    let templateId: string | null = course.template_id;
    if (templateId) {
      const [ok] = await tx.query(`SELECT 1 FROM certificate_templates WHERE id = $1 AND agency_id = $2 AND NOT archived`, [templateId, course.agency_id]);
      if (!ok) templateId = null;
    }
    templateId ??= (await tx.query(`SELECT id FROM certificate_templates WHERE agency_id = $1 AND NOT archived ORDER BY updated_at DESC LIMIT 1`, [course.agency_id]))[0]?.id ?? null;
    if (!templateId) {
      this.logger.warn({ courseId: p.courseId }, 'course completed with certificateOnCompletion but the agency has no template; nothing issued');
      return null;
    }
    const numbering = await lockNumbering(tx, course.agency_id);
    const ctx = await issueContext(tx, course.agency_id, p.courseId, templateId);
    const result = await issueLocked(tx, ctx, numbering, {
      userId: p.userId,
      courseId: p.courseId,
      templateId,
      enrolmentId: p.enrolmentId,
      completedOn: jakartaDay(new Date(p.completedAt)),
      method: 'auto',
      issuedBy: null,
      idempotencyKey: `enrolment:${p.enrolmentId}`,
    }, this.keys);
    return result.certificate;
  }

  /** An admin issues one certificate; CERTIFICATE_EXISTS when the learner holds a valid one. */
  async issue(actor: Actor, input: TIssueCertificateRequest): Promise<TCertificate> {
    const [learner] = await this.db.query(`SELECT agency_id FROM users WHERE id = $1`, [input.userId]);
    if (!learner?.agency_id || !canSeeAgency(actor, learner.agency_id)) throw notFound('Learner');
    const agencyId: string = learner.agency_id;
    scopeAgency(actor, agencyId);
    let certificate: Certificate;
    try {
      certificate = await this.db.transaction(async (tx) => {
        const numbering = await lockNumbering(tx, agencyId);
        const templateId = input.templateId ?? (await tx.query(`SELECT template_id FROM course_certificate_settings WHERE course_id = $1`, [input.courseId]))[0]?.template_id;
        if (!templateId) throw noTemplate();
        const ctx = await issueContext(tx, agencyId, input.courseId, templateId);
        const [enrolment] = await tx.query(
          `SELECT id, completed_at FROM enrolments WHERE course_id = $1 AND user_id = $2 AND status = 'completed' ORDER BY completed_at DESC LIMIT 1`,
          [input.courseId, input.userId],
        );
        const completedOn = input.completedOn ?? (enrolment ? jakartaDay(enrolment.completed_at) : jakartaDay());
        const result = await issueLocked(tx, ctx, numbering, {
          userId: input.userId,
          courseId: input.courseId,
          templateId,
          enrolmentId: enrolment?.id ?? null,
          completedOn,
          method: 'manual',
          issuedBy: actor.userId,
          idempotencyKey: null,
        }, this.keys);
        if (result.outcome === 'already_issued') {
          throw new DomainError('CERTIFICATE_EXISTS', 'The learner already holds a valid certificate of this course', { certificateId: result.certificate.id });
        }
        return result.certificate;
      });
    } catch (error) {
      if (uniqueViolation(error) === 'uq_certificates_valid_course_user') throw new DomainError('CERTIFICATE_EXISTS', 'The learner already holds a valid certificate of this course');
      throw error;
    }
    await this.pdf.ensure(certificate);
    return this.view(certificate);
  }

  async revoke(actor: Actor, id: string, reason: string): Promise<TCertificate> {
    const certificate = await this.db.transaction(async (tx) => {
      const c = await tx.getRepository(Certificate).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id }).getOne();
      if (!c || !canSeeAgency(actor, c.agencyId) || !this.isAdmin(actor)) throw notFound('Certificate');
      if (c.status === 'revoked') throw new DomainError('CERTIFICATE_REVOKED', 'The certificate is revoked already', { revokedAt: c.revokedAt?.toISOString() });
      const now = new Date();
      await tx.update(Certificate, { id }, { status: 'revoked', revokedAt: now, revokedBy: actor.userId, revocationReason: reason });
      await tx.query(`INSERT INTO certificate_audit (certificate_id, action, actor_id, reason) VALUES ($1, 'revoked', $2, $3)`, [id, actor.userId, reason]);
      await notify(tx, 'certificate_revoked', [
        { userId: c.userId, data: { certificateId: id, certificateNumber: c.number, courseId: c.courseId, courseTitle: c.courseTitle, reason } },
      ]);
      return { ...c, status: 'revoked' as const, revokedAt: now, revokedBy: actor.userId, revocationReason: reason };
    });
    return this.view(certificate);
  }

  async list(actor: Actor, query: TCertificateQuery): Promise<TPage<TCertificate>> {
    const agencyId = scopeAgency(actor, query.agencyId);
    return this.page(query, agencyId ?? null, query.userId ?? null);
  }

  async mine(actor: Actor, query: TCertificateQuery): Promise<TPage<TCertificate>> {
    return this.page({ ...query, agencyId: undefined }, null, actor.userId);
  }

  async one(actor: Actor, id: string): Promise<TCertificate> {
    return this.view(await this.reachable(actor, id));
  }

  /** The holder's or an admin's PDF (rendered and stored on first request if need be). */
  async pdfOf(actor: Actor, id: string) {
    const c = await this.reachable(actor, id);
    const key = await this.pdf.ensure(c);
    const object = await this.pdf.storageGet(key);
    if (!object) throw notFound('Certificate file');
    return { object, fileName: `sertifikat-${c.number.replace(/[^\w.-]+/g, '-')}.pdf` };
  }

  async credentialOf(actor: Actor, id: string) {
    const c = await this.reachable(actor, id);
    return { credential: c.credential, fileName: `open-badge-${c.number.replace(/[^\w.-]+/g, '-')}.json` };
  }

  // ---- public ----

  async limit(ip: string): Promise<void> {
    try {
      await this.limiter.consume(ip);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new DomainError('TOO_MANY_ATTEMPTS', 'Too many verification requests; try again later', { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
    }
  }

  async verifyCode(code: string): Promise<TVerification> {
    const c = /^[A-Za-z0-9_-]{10,64}$/.test(code) ? await this.db.getRepository(Certificate).findOneBy({ verificationCode: code }) : null;
    if (!c) throw new DomainError('NOT_FOUND', 'No certificate has this verification code');
    return {
      number: c.number,
      holderName: c.holderName,
      maskedNip: maskNip(c.holderNip),
      courseTitle: c.courseTitle,
      jp: Number(c.jp),
      completedOn: c.completedOn,
      issuedOn: c.issuedOn,
      issuer: { name: c.issuerName, code: c.issuerCode },
      signer: { name: c.signerName, title: c.signerTitle },
      status: c.status,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revocationReason: c.revocationReason,
    };
  }

  /** The agency's BitstringStatusListCredential (revocation), signed, current. */
  async statusList(agencyId: string): Promise<Record<string, unknown>> {
    const [agency] = await this.db.query(`SELECT id, name FROM agencies WHERE id = $1`, [agencyId]);
    if (!agency) throw notFound('Status list');
    const revoked: { status_index: number }[] = await this.db.query(`SELECT status_index FROM certificates WHERE agency_id = $1 AND status = 'revoked'`, [agencyId]);
    const url = this.keys.statusListUrl(agencyId);
    const key = await this.keys.activeKey(agencyId);
    const now = new Date();
    return signDocument(
      {
        '@context': [VC_CONTEXT],
        id: url,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: this.keys.issuerId(agencyId),
        validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(revoked.map((r) => r.status_index)) },
      },
      key.privateKey,
      key.verificationMethod,
      now,
    );
  }

  async issuerProfile(agencyId: string): Promise<Record<string, unknown>> {
    const [agency] = await this.db.query(`SELECT id, code, name FROM agencies WHERE id = $1`, [agencyId]);
    if (!agency) throw notFound('Issuer');
    const keys = await this.keys.list(agencyId);
    return {
      '@context': [VC_CONTEXT, OB_CONTEXT],
      id: this.keys.issuerId(agencyId),
      type: ['Profile'],
      name: agency.name,
      url: this.keys.baseUrl,
      verificationMethod: keys.map((k) => ({ id: k.id, type: k.type, controller: k.controller, publicKeyMultibase: k.publicKeyMultibase })),
      assertionMethod: keys.map((k) => k.id),
    };
  }

  /** Checks a posted credential: shape, proof (our published keys), status (our status list) and dates. */
  async verifyCredential(body: unknown): Promise<TCredentialVerifyResult> {
    const checks: TCredentialVerifyResult['checks'] = [];
    const fail = (check: (typeof checks)[number]['check'], message: string) => checks.push({ check, ok: false, message });
    const pass = (check: (typeof checks)[number]['check'], message: string) => checks.push({ check, ok: true, message });
    const vc = body as Record<string, unknown>;
    const context = vc['@context'];
    const types = vc.type;
    const shapeOk =
      Array.isArray(context) && context[0] === VC_CONTEXT && Array.isArray(types) && types.includes('VerifiableCredential') && types.includes('OpenBadgeCredential') &&
      typeof vc.issuer === 'object' && vc.issuer !== null && typeof vc.credentialSubject === 'object' && vc.credentialSubject !== null;
    if (shapeOk) pass('shape', 'an OpenBadgeCredential (VC 2.0)');
    else fail('shape', 'not an OpenBadgeCredential: @context, type, issuer or credentialSubject missing');

    // Signature: the verification method must be one of our keys, and belong to the named issuer.
    const vm = (vc.proof as { verificationMethod?: unknown } | undefined)?.verificationMethod;
    const resolved = typeof vm === 'string' ? await this.keys.resolve(vm) : null;
    const issuerId = (vc.issuer as { id?: unknown } | null)?.id;
    if (resolved && issuerId !== this.keys.issuerId(resolved.agencyId)) fail('signature', 'the key does not belong to the issuer');
    else {
      const result = verifyDocument(vc, () => resolved?.key ?? null);
      if (result.ok) pass('signature', result.message);
      else fail('signature', result.message);
    }

    // Status: read the bit from the issuer's current status list.
    let status: TCredentialVerifyResult['status'] = null;
    let certificateNumber: string | null = null;
    const entry = vc.credentialStatus as { statusListCredential?: unknown; statusListIndex?: unknown; statusPurpose?: unknown } | undefined;
    const agencyId = typeof entry?.statusListCredential === 'string' ? entry.statusListCredential.split(`${this.keys.baseUrl}/api/credentials/status/`)[1] : undefined;
    const index = Number(entry?.statusListIndex);
    if (!agencyId || !/^[0-9a-f-]{36}$/.test(agencyId) || !Number.isInteger(index) || index < 0 || entry?.statusPurpose !== 'revocation') {
      fail('status', 'no revocation status entry of this platform');
    } else {
      const list = await this.statusList(agencyId).catch(() => null);
      const encoded = (list?.credentialSubject as { encodedList?: string } | undefined)?.encodedList;
      const [row] = await this.db.query(`SELECT number, status FROM certificates WHERE agency_id = $1 AND status_index = $2`, [agencyId, index]);
      if (!encoded || !row) fail('status', 'unknown status entry');
      else {
        certificateNumber = row.number;
        const revoked = statusBit(encoded, index);
        status = revoked ? 'revoked' : 'valid';
        if (revoked) fail('status', 'revoked');
        else pass('status', 'not revoked');
      }
    }

    const now = Date.now();
    const validFrom = typeof vc.validFrom === 'string' ? Date.parse(vc.validFrom) : NaN;
    const validUntil = typeof vc.validUntil === 'string' ? Date.parse(vc.validUntil) : null;
    if (Number.isNaN(validFrom)) fail('dates', 'validFrom missing or not a date');
    else if (validFrom > now + 60_000) fail('dates', 'not valid yet');
    else if (validUntil !== null && (Number.isNaN(validUntil) || validUntil < now)) fail('dates', 'expired');
    else pass('dates', 'within its validity period');

    return { verified: checks.every((c) => c.ok), checks, status, certificateNumber };
  }

  // ---- helpers ----

  private isAdmin(actor: Actor): boolean {
    return isPlatformAdmin(actor) || actor.roles.includes('agency_admin');
  }

  /** The holder's own certificate, or one of the admin's agency; anything else is a 404. */
  private async reachable(actor: Actor, id: string): Promise<Certificate> {
    const c = await this.db.getRepository(Certificate).findOneBy({ id });
    if (!c) throw notFound('Certificate');
    if (c.userId === actor.userId) return c;
    if (this.isAdmin(actor) && canSeeAgency(actor, c.agencyId)) return c;
    throw notFound('Certificate');
  }

  private async page(query: TCertificateQuery, agencyId: string | null, userId: string | null): Promise<TPage<TCertificate>> {
    const p = new Params();
    const where: string[] = [];
    if (agencyId) where.push(`c.agency_id = ${p.add(agencyId)}`);
    if (userId) where.push(`c.user_id = ${p.add(userId)}`);
    if (query.courseId) where.push(`c.course_id = ${p.add(query.courseId)}`);
    if (query.status) where.push(`c.status = ${p.add(query.status)}`);
    if (query.q) {
      const q = p.add(likePattern(query.q));
      where.push(`(c.holder_name ILIKE ${q} OR c.holder_nip ILIKE ${q} OR c.number ILIKE ${q} OR c.course_title ILIKE ${q})`);
    }
    const sql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM certificates c ${sql}`, p.values);
    const ids: { id: string }[] = await this.db.query(
      `SELECT c.id FROM certificates c ${sql} ORDER BY c.issued_at DESC, c.number DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      p.values,
    );
    const rows = ids.length ? await this.db.getRepository(Certificate).createQueryBuilder('c').where('c.id = ANY(:ids)', { ids: ids.map((r) => r.id) }).getMany() : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { items: ids.map((r) => this.view(byId.get(r.id)!)), total, page: query.page, pageSize: query.pageSize };
  }

  view(c: Certificate): TCertificate {
    return {
      id: c.id,
      number: c.number,
      verificationCode: c.verificationCode,
      verificationUrl: verificationUrl(this.config.certificates.publicUrl, c.verificationCode),
      status: c.status,
      method: c.method,
      holder: { userId: c.userId, name: c.holderName, nip: c.holderNip },
      course: { id: c.courseId, code: c.courseCode, title: c.courseTitle },
      jp: Number(c.jp),
      completedOn: c.completedOn,
      issuedOn: c.issuedOn,
      issuedAt: c.issuedAt.toISOString(),
      agency: { id: c.agencyId, code: c.issuerCode, name: c.issuerName },
      templateId: c.templateId,
      templateVersion: c.templateVersionNumber,
      signer: { name: c.signerName, title: c.signerTitle, nip: c.signerNip },
      issuedBy: c.issuedBy,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      revokedBy: c.revokedBy,
      revocationReason: c.revocationReason,
    };
  }
}
