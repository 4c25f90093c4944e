import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { BULK_ISSUE_OUTCOMES, ZBulkIssueRequest, type TBulkIssueOutcome, type TBulkJob, type TBulkJobItem } from '@asah/contracts/certificates';
import type { TPage, TPageQuery } from '@asah/contracts/common';
import { checkNip, normaliseNip } from '@asah/contracts/nip';
import { Actor, canSeeAgency, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { JobQueueService } from '../events/job-queue.service';
import { CertificateBulkJob } from './certificate.entities';
import { CertificatePdfService } from './certificate-pdf.service';
import { IssuerKeysService } from './credentials/issuer-keys.service';
import { issueContext, issueMany, lockNumbering, noTemplate } from './issuing';

export const BULK_QUEUE = 'certificate-bulk';
/** Items issued per transaction: one numbering lock per batch instead of per certificate. */
const BATCH = 100;

interface PlannedItem {
  userId: string | null;
  nip: string | null;
  name: string | null;
  outcome: TBulkIssueOutcome | null;
  message: string | null;
}

type Request = z.output<typeof ZBulkIssueRequest>;

/**
 * Bulk issuing as a job: the request becomes a job row and one item row per person (the durable
 * to-do list and, once done, the result report). A pg-boss worker runs it in batches; each batch
 * takes the agency's numbering lock, issues with the idempotency key `bulk:<job>:<position>` and
 * records the items' outcomes in the same transaction, so a process stopped midway leaves either a
 * whole batch or none of it. The next start resumes the job (JobQueueService onStart): no
 * duplicates, no gaps. PDFs are rendered after each batch on worker threads; anything left is
 * rendered before the job completes (or on first download).
 */
@Injectable()
export class BulkIssueService implements OnModuleInit {
  private readonly logger = new Logger('CertificateBulk');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: JobQueueService,
    private readonly keys: IssuerKeysService,
    private readonly pdf: CertificatePdfService,
  ) {}

  onModuleInit(): void {
    this.queue.define({
      name: BULK_QUEUE,
      retryLimit: 5,
      handler: async (data) => void (await this.run(String(data.jobId))),
      onStart: async () => {
        const open: { id: string }[] = await this.db.query(`SELECT id FROM certificate_bulk_jobs WHERE status IN ('queued', 'running') ORDER BY created_at`);
        for (const job of open) await this.queue.send(BULK_QUEUE, { jobId: job.id }, { singletonKey: job.id });
        if (open.length) this.logger.log(`Resuming ${open.length} certificate bulk job(s)`);
      },
    });
  }

  async start(actor: Actor, courseId: string, input: Request): Promise<TBulkJob> {
    const [course] = await this.db.query(`SELECT id, agency_id FROM courses WHERE id = $1`, [courseId]);
    if (!course || (course.agency_id !== null && !canSeeAgency(actor, course.agency_id))) throw notFound('Course');
    const agencyId: string | null = course.agency_id ?? actor.agencyId;
    if (!agencyId) throw new DomainError('VALIDATION_FAILED', 'A platform-wide course is certified by an agency admin', [{ field: 'courseId', code: 'AGENCY_REQUIRED', message: 'Sign in as an agency admin' }]);
    const templateId: string | undefined = input.templateId ?? (await this.db.query(`SELECT template_id FROM course_certificate_settings WHERE course_id = $1`, [courseId]))[0]?.template_id ?? undefined;
    if (!templateId) throw noTemplate();
    const [template] = await this.db.query(`SELECT 1 FROM certificate_templates WHERE id = $1 AND agency_id = $2 AND NOT archived`, [templateId, agencyId]);
    if (!template) throw new DomainError('VALIDATION_FAILED', 'templateId: no such template of this agency', [{ field: 'templateId', code: 'NOT_FOUND', message: 'No such template of this agency' }]);

    const items = await this.plan(agencyId, courseId, input);
    const id = await this.db.transaction(async (tx) => {
      const job = await tx.getRepository(CertificateBulkJob).save({ agencyId, courseId, templateId, status: 'queued', total: items.length, createdBy: actor.userId });
      await tx.query(
        `INSERT INTO certificate_bulk_items (job_id, position, user_id, nip, name, outcome, message, processed_at)
         SELECT $1, i.position, i.user_id, i.nip, i.name, i.outcome, i.message, CASE WHEN i.outcome IS NULL THEN NULL ELSE now() END
         FROM unnest($2::int[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) AS i(position, user_id, nip, name, outcome, message)`,
        [job.id, items.map((_, i) => i + 1), items.map((i) => i.userId), items.map((i) => i.nip), items.map((i) => i.name), items.map((i) => i.outcome), items.map((i) => i.message)],
      );
      return job.id;
    });
    await this.queue.send(BULK_QUEUE, { jobId: id }, { singletonKey: id });
    return this.get(actor, id);
  }

  /** Runs the job's pending items to the end, or until the process is stopping. Safe to call concurrently. */
  async run(jobId: string): Promise<void> {
    const job = await this.db.getRepository(CertificateBulkJob).findOneBy({ id: jobId });
    if (!job || job.status === 'completed' || job.status === 'failed') return;
    await this.db.query(`UPDATE certificate_bulk_jobs SET status = 'running', started_at = coalesce(started_at, now()) WHERE id = $1 AND status = 'queued'`, [jobId]);
    try {
      // PDFs of one batch render on the worker threads while the next batch is issued.
      let rendering: Promise<void> = Promise.resolve();
      for (;;) {
        if (this.queue.stopping) {
          await rendering;
          return;
        }
        const issued = await this.batch(job);
        if (issued === null) break;
        await rendering;
        rendering = this.pdf.ensureMany(issued);
        rendering.catch(() => undefined); // awaited (and thrown) at the next turn
      }
      await rendering;
      const left: { id: string }[] = await this.db.query(
        `SELECT c.id FROM certificate_bulk_items i JOIN certificates c ON c.id = i.certificate_id WHERE i.job_id = $1 AND c.pdf_key IS NULL`,
        [jobId],
      );
      if (this.queue.stopping) return;
      await this.pdf.ensureMany(left.map((r) => r.id));
      await this.db.query(`UPDATE certificate_bulk_jobs SET status = 'completed', finished_at = now() WHERE id = $1 AND status = 'running'`, [jobId]);
    } catch (error) {
      this.logger.error({ err: error, jobId }, 'certificate bulk job failed');
      await this.db.query(`UPDATE certificate_bulk_jobs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [jobId, String((error as Error)?.message ?? error).slice(0, 2000)]);
    }
  }

  /** One batch in one transaction; the ids of certificates issued, or null when nothing was pending. */
  private async batch(job: CertificateBulkJob): Promise<string[] | null> {
    return this.db.transaction(async (tx) => {
      const numbering = await lockNumbering(tx, job.agencyId);
      const items: { position: number; user_id: string }[] = await tx.query(
        `SELECT position, user_id FROM certificate_bulk_items WHERE job_id = $1 AND outcome IS NULL ORDER BY position LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [job.id],
      );
      if (!items.length) return null;
      const ctx = await issueContext(tx, job.agencyId, job.courseId, job.templateId);
      const completions: { user_id: string; id: string; completed_at: Date }[] = await tx.query(
        `SELECT DISTINCT ON (user_id) user_id, id, completed_at FROM enrolments WHERE course_id = $1 AND user_id = ANY($2) AND status = 'completed' ORDER BY user_id, completed_at DESC`,
        [job.courseId, items.map((i) => i.user_id)],
      );
      const completed = new Map(completions.map((c) => [c.user_id, c]));
      const today = jakartaDay();
      const outcomes = await issueMany(
        tx,
        ctx,
        numbering,
        items.map((item) => {
          const done = completed.get(item.user_id);
          return {
            userId: item.user_id,
            courseId: job.courseId,
            templateId: job.templateId,
            enrolmentId: done?.id ?? null,
            completedOn: done ? jakartaDay(done.completed_at) : today,
            method: 'bulk' as const,
            issuedBy: job.createdBy,
            idempotencyKey: `bulk:${job.id}:${item.position}`,
          };
        }),
        this.keys,
      );
      const issued: string[] = [];
      const results = items.map((item, i) => {
        const r = outcomes[i];
        if (r.outcome === 'issued') issued.push(r.certificate.id);
        if (r.outcome === 'issued' || r.outcome === 'already_issued') {
          return { position: item.position, outcome: r.outcome as TBulkIssueOutcome, message: r.outcome === 'issued' ? null : 'Holds a valid certificate of this course already', certificateId: r.certificate.id };
        }
        return { position: item.position, outcome: (r.outcome === 'duplicate' ? 'duplicate' : 'failed') as TBulkIssueOutcome, message: r.outcome === 'duplicate' ? 'Listed earlier' : 'No longer a learner of this agency', certificateId: null };
      });
      await tx.query(
        `UPDATE certificate_bulk_items i SET outcome = r.outcome, message = r.message, certificate_id = r.certificate_id, processed_at = now()
         FROM unnest($2::int[], $3::text[], $4::text[], $5::uuid[]) AS r(position, outcome, message, certificate_id)
         WHERE i.job_id = $1 AND i.position = r.position`,
        [job.id, results.map((r) => r.position), results.map((r) => r.outcome), results.map((r) => r.message), results.map((r) => r.certificateId)],
      );
      return issued;
    });
  }

  async get(actor: Actor, id: string): Promise<TBulkJob> {
    const [row] = await this.db.query(
      `SELECT j.*, c.code AS course_code, c.title AS course_title,
              (SELECT count(*)::int FROM certificate_bulk_items i WHERE i.job_id = j.id AND i.outcome IS NOT NULL) AS processed,
              (SELECT coalesce(jsonb_object_agg(o.outcome, o.n), '{}') FROM (SELECT outcome, count(*)::int AS n FROM certificate_bulk_items i WHERE i.job_id = j.id AND i.outcome IS NOT NULL GROUP BY outcome) o) AS counts
       FROM certificate_bulk_jobs j JOIN courses c ON c.id = j.course_id WHERE j.id = $1`,
      [id],
    );
    if (!row || !this.canSee(actor, row.agency_id)) throw notFound('Job');
    return toJob(row);
  }

  async list(actor: Actor, query: TPageQuery & { courseId?: string; agencyId?: string }): Promise<TPage<TBulkJob>> {
    const agencyId = scopeAgency(actor, query.agencyId) ?? null;
    const params: unknown[] = [agencyId, query.courseId ?? null];
    const where = `($1::uuid IS NULL OR j.agency_id = $1) AND ($2::uuid IS NULL OR j.course_id = $2)`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM certificate_bulk_jobs j WHERE ${where}`, params);
    const ids: { id: string }[] = await this.db.query(
      `SELECT j.id FROM certificate_bulk_jobs j WHERE ${where} ORDER BY j.created_at DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return { items: await Promise.all(ids.map((r) => this.get(actor, r.id))), total, page: query.page, pageSize: query.pageSize };
  }

  async items(actor: Actor, id: string, query: TPageQuery & { outcome?: TBulkIssueOutcome }): Promise<TPage<TBulkJobItem>> {
    await this.get(actor, id);
    const params: unknown[] = [id, query.outcome ?? null];
    const where = `i.job_id = $1 AND ($2::text IS NULL OR i.outcome = $2)`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM certificate_bulk_items i WHERE ${where}`, params);
    const rows = await this.db.query(
      `SELECT i.*, c.number FROM certificate_bulk_items i LEFT JOIN certificates c ON c.id = i.certificate_id WHERE ${where}
       ORDER BY i.position LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      params,
    );
    return {
      items: rows.map((r: Record<string, unknown>) => ({
        position: r.position as number,
        userId: (r.user_id as string) ?? null,
        nip: (r.nip as string) ?? null,
        name: (r.name as string) ?? null,
        outcome: (r.outcome as TBulkIssueOutcome) ?? null,
        message: (r.message as string) ?? null,
        certificateId: (r.certificate_id as string) ?? null,
        certificateNumber: (r.number as string) ?? null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  private canSee(actor: Actor, agencyId: string): boolean {
    return (isPlatformAdmin(actor) || actor.roles.includes('agency_admin')) && canSeeAgency(actor, agencyId);
  }

  /** Who the job is for, in order; people who cannot be issued are settled here (invalid, unknown, duplicate). */
  private async plan(agencyId: string, courseId: string, input: Request): Promise<PlannedItem[]> {
    const items = await this.people(agencyId, courseId, input);
    if (input.by === 'cohort' || !input.onlyCompleted) return items;
    const ids = items.filter((i) => i.outcome === null).map((i) => i.userId);
    const done = new Set(
      (await this.db.query(`SELECT DISTINCT user_id FROM enrolments WHERE course_id = $1 AND user_id = ANY($2) AND status = 'completed'`, [courseId, ids])).map((r: { user_id: string }) => r.user_id),
    );
    return items.map((i) => (i.outcome === null && !done.has(i.userId) ? { ...i, outcome: 'not_completed' as const, message: 'Has not completed the course' } : i));
  }

  private async people(agencyId: string, courseId: string, input: Request): Promise<PlannedItem[]> {
    if (input.by === 'cohort') {
      const [cohort] = await this.db.query(`SELECT id FROM cohorts WHERE id = $1 AND course_id = $2`, [input.cohortId, courseId]);
      if (!cohort) throw new DomainError('VALIDATION_FAILED', 'cohortId: no such cohort of this course', [{ field: 'cohortId', code: 'NOT_FOUND', message: 'No such cohort of this course' }]);
      const rows: { id: string; name: string; nip: string | null }[] = await this.db.query(
        `SELECT u.id, u.name, u.nip FROM enrolments e JOIN users u ON u.id = e.user_id
         WHERE e.cohort_id = $1 AND e.status = 'completed' AND u.agency_id = $2 ORDER BY e.completed_at, u.name, u.id`,
        [input.cohortId, agencyId],
      );
      return rows.map((r) => ({ userId: r.id, nip: r.nip, name: r.name, outcome: null, message: null }));
    }
    if (input.by === 'users') {
      const rows: { id: string; name: string; nip: string | null }[] = await this.db.query(`SELECT id, name, nip FROM users WHERE id = ANY($1) AND agency_id = $2`, [input.userIds, agencyId]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const seen = new Set<string>();
      return input.userIds.map((id) => {
        const u = byId.get(id);
        if (seen.has(id)) return { userId: null, nip: u?.nip ?? null, name: u?.name ?? null, outcome: 'duplicate' as const, message: 'Listed earlier' };
        seen.add(id);
        if (!u) return { userId: null, nip: null, name: null, outcome: 'failed' as const, message: `No learner of this agency has the id ${id}` };
        return { userId: u.id, nip: u.nip, name: u.name, outcome: null, message: null };
      });
    }
    const parsed = input.nips.map((raw) => ({ raw, check: checkNip(raw) }));
    const valid = parsed.filter((p) => p.check.ok).map((p) => normaliseNip(p.raw));
    const rows: { id: string; name: string; nip: string }[] = await this.db.query(`SELECT id, name, nip FROM users WHERE nip = ANY($1) AND agency_id = $2`, [valid, agencyId]);
    const byNip = new Map(rows.map((r) => [r.nip, r]));
    const seen = new Set<string>();
    return parsed.map(({ raw, check }) => {
      if (!check.ok) return { userId: null, nip: raw, name: null, outcome: 'invalid_nip' as const, message: 'Not a well-formed NIP' };
      const nip = normaliseNip(raw);
      if (seen.has(nip)) return { userId: null, nip, name: null, outcome: 'duplicate' as const, message: 'Listed earlier' };
      seen.add(nip);
      const u = byNip.get(nip);
      if (!u) return { userId: null, nip, name: null, outcome: 'unknown_nip' as const, message: 'No learner of this agency has this NIP' };
      return { userId: u.id, nip, name: u.name, outcome: null, message: null };
    });
  }
}

function toJob(row: Record<string, any>): TBulkJob {
  const counts = Object.fromEntries(BULK_ISSUE_OUTCOMES.map((o) => [o, Number(row.counts?.[o] ?? 0)])) as TBulkJob['counts'];
  return {
    id: row.id,
    agencyId: row.agency_id,
    courseId: row.course_id,
    course: { id: row.course_id, code: row.course_code, title: row.course_title },
    status: row.status,
    total: row.total,
    processed: row.processed,
    counts,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    error: row.error,
  };
}
