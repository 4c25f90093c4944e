import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_MINUTES_PER_JP, minutesToJp } from '@asah/competency/jp-ledger';
import type { TPage } from '@asah/contracts/common';
import type { TDevelopmentLog, TDevelopmentLogQueueQuery, TDevelopmentLogRow, TMyDevelopmentLogQuery } from '@asah/contracts/development-logs';
import { DEVELOPMENT_FORMS, PROOF_MAX_BYTES, ZCreateDevelopmentLogFields } from '@asah/contracts/development-logs';
import type { TLearnerRef } from '@asah/contracts/enrolments';
import { UPLOAD_FIELD } from '@asah/contracts/content';
import { Actor, scopeAgency } from '../../common/auth/actor';
import { Params } from '../../common/db/sql';
import { likePattern } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { cleanFileName, sniffImage } from '../content/media-types';
import { approverReach, approverScope } from '../enrolments/approvers';
import { JpLedgerService } from '../jp/jp-ledger.service';
import { approversOf, notify } from '../notifications/notify';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/object-storage';
import { DevelopmentLog } from './development-log.entity';

type CreateFields = ReturnType<typeof ZCreateDevelopmentLogFields.parse>;

export interface UploadedProof {
  buffer: Buffer;
  originalname: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What the proof really is, from its bytes: a PDF, an image, a Word document; anything else is refused. */
export function sniffProof(file: UploadedProof): string | null {
  const head = file.buffer.subarray(0, 16);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  const image = sniffImage(head);
  if (image && image !== 'image/gif') return image;
  const zip = head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (zip && /\.docx$/i.test(file.originalname) && file.buffer.includes('word/document.xml')) return DOCX;
  return null;
}

const invalid = (field: string, code: string, message: string) => new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, code, message }]);

/**
 * Non-classroom development logs: submitted by the learner with a proof, decided by their
 * approvers (see approvers.ts), credited to the JP ledger when approved.
 */
@Injectable()
export class DevelopmentLogsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly ledger: JpLedgerService,
  ) {}

  async submit(actor: Actor, fields: CreateFields, file: UploadedProof | undefined): Promise<TDevelopmentLog> {
    scopeAgency(actor, undefined);
    if (!file) throw new DomainError('UPLOAD_INVALID', `Attach the proof in the "${UPLOAD_FIELD}" field`, [{ field: UPLOAD_FIELD, code: 'REQUIRED', message: 'Attach the proof' }]);
    if (file.buffer.length > PROOF_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', 'The proof is larger than 10 MiB', { maxBytes: PROOF_MAX_BYTES });
    const contentType = sniffProof(file);
    if (!contentType) {
      throw new DomainError('UPLOAD_INVALID', 'The proof must be a document or an image: PDF, PNG, JPEG, WebP or Word (.docx)', [
        { field: UPLOAD_FIELD, code: 'PROOF_TYPE', message: 'A PDF, an image (PNG, JPEG, WebP) or a Word document' },
      ]);
    }
    if (fields.endedOn > jakartaDay()) throw invalid('endedOn', 'FUTURE', 'Log development that has taken place');
    const jp = fields.jp ?? minutesToJp(fields.hours! * 60, { minutesPerJp: DEFAULT_MINUTES_PER_JP, rounding: { mode: 'down', step: 0.25 } });
    if (jp <= 0) throw invalid('hours', 'TOO_FEW', 'Less than a quarter JP (about 11 minutes)');

    const id = randomUUID();
    const fileName = cleanFileName(file.originalname, contentType);
    const key = `proofs/${id}/${fileName}`;
    await this.storage.put(key, file.buffer, { contentType, size: file.buffer.length });
    try {
      await this.db.transaction(async (tx) => {
        await tx.getRepository(DevelopmentLog).insert({
          id,
          userId: actor.userId,
          form: fields.form,
          title: fields.title,
          organiser: fields.organiser || null,
          startedOn: fields.startedOn,
          endedOn: fields.endedOn,
          hours: fields.hours === undefined ? null : String(fields.hours),
          jp: String(jp),
          description: fields.description ?? '',
          status: 'submitted',
          proofKey: key,
          proofName: fileName,
          proofType: contentType,
          proofSize: String(file.buffer.length),
        });
        const [me] = await tx.query('SELECT name FROM users WHERE id = $1', [actor.userId]);
        const data = { kind: 'development_log' as const, logId: id, logTitle: fields.title, jp, learnerName: me.name };
        await notify(tx, 'approval_needed', (await approversOf(tx, actor.userId)).map((userId) => ({ userId, data })));
      });
    } catch (error) {
      await this.storage.deletePrefix(`proofs/${id}/`);
      throw error;
    }
    return this.read(id);
  }

  async mine(actor: Actor, query: TMyDevelopmentLogQuery): Promise<TPage<TDevelopmentLog>> {
    const p = new Params();
    const where = [`l.user_id = ${p.add(actor.userId)}`];
    if (query.status) where.push(`l.status = ${p.add(query.status)}`);
    if (query.q) where.push(`l.title ILIKE ${p.add(likePattern(query.q))}`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM development_logs l WHERE ${sql}`, p.values);
    const rows = await this.db.query(`${SELECT} WHERE ${sql} ORDER BY l.ended_on DESC, l.created_at DESC, l.id LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`, p.values);
    return { items: rows.map(toLog), total, page: query.page, pageSize: query.pageSize };
  }

  /** The learner takes back a log still waiting for a decision. */
  async withdraw(actor: Actor, id: string): Promise<TDevelopmentLog> {
    await this.db.transaction(async (tx) => {
      const log = await this.locked(tx, id);
      if (!log || log.userId !== actor.userId) throw notFound('Development log');
      if (log.status === 'withdrawn') return;
      if (log.status !== 'submitted') throw new DomainError('ALREADY_DECIDED', `The log is already ${log.status}`, { status: log.status });
      await tx.update(DevelopmentLog, { id }, { status: 'withdrawn' });
    });
    return this.read(id);
  }

  async queue(actor: Actor, query: TDevelopmentLogQueueQuery): Promise<TPage<TDevelopmentLogRow>> {
    const p = new Params();
    const where = [...approverScope(actor, p, query.agencyId), query.state === 'pending' ? `l.status = 'submitted'` : `l.status IN ('approved', 'rejected')`];
    if (query.q) where.push(`(u.name ILIKE ${p.add(likePattern(query.q))} OR u.nip LIKE ${p.add(likePattern(query.q.replace(/\s/g, '')))} OR l.title ILIKE ${p.add(likePattern(query.q))})`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM development_logs l JOIN users u ON u.id = l.user_id WHERE ${sql}`, p.values);
    const order = query.state === 'pending' ? 'l.created_at ASC, l.id' : 'l.decided_at DESC, l.id';
    const rows = await this.db.query(`${SELECT} WHERE ${sql} ORDER BY ${order} LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`, p.values);
    return { items: rows.map(toRow), total, page: query.page, pageSize: query.pageSize };
  }

  /** Approved: the log's JP are credited once, in the Asia/Jakarta year of its last day. */
  approve(actor: Actor, id: string, reason: string | undefined): Promise<TDevelopmentLogRow> {
    return this.decide(actor, id, async (tx, log) => {
      await tx.update(DevelopmentLog, { id }, { status: 'approved', decidedBy: actor.userId, decidedAt: new Date(), decisionReason: reason || null });
      await this.ledger.credit(tx, {
        userId: log.userId,
        jp: log.jp,
        sourceType: 'non_classroom',
        sourceId: log.id,
        description: `${log.title} (${log.form})`,
        occurredOn: log.endedOn,
      });
    });
  }

  reject(actor: Actor, id: string, reason: string): Promise<TDevelopmentLogRow> {
    return this.decide(actor, id, async (tx) => {
      await tx.update(DevelopmentLog, { id }, { status: 'rejected', decidedBy: actor.userId, decidedAt: new Date(), decisionReason: reason });
    });
  }

  /** The proof file, for its owner and their approvers. */
  async proof(actor: Actor, id: string): Promise<{ body: Readable; contentType: string; fileName: string; size: number }> {
    const log = await this.db.manager.findOneBy(DevelopmentLog, { id });
    if (!log || (log.userId !== actor.userId && (await approverReach(this.db.manager, actor, log.userId)) !== 'approver')) throw notFound('Development log');
    const object = await this.storage.get(log.proofKey);
    if (!object) throw notFound('Proof file');
    return { body: object.body, contentType: log.proofType, fileName: log.proofName, size: object.size };
  }

  private async decide(actor: Actor, id: string, apply: (tx: EntityManager, log: DevelopmentLog) => Promise<void>): Promise<TDevelopmentLogRow> {
    await this.db.transaction(async (tx) => {
      const found = await tx.findOneBy(DevelopmentLog, { id });
      if (!found) throw notFound('Development log');
      const reach = await approverReach(tx, actor, found.userId);
      if (reach === 'none') throw notFound('Development log');
      if (reach === 'self') throw new DomainError('NOT_APPROVER', 'You cannot decide your own log; your unit head or an agency admin does');
      const log = (await this.locked(tx, id))!;
      if (log.status !== 'submitted') throw new DomainError('ALREADY_DECIDED', `The log is no longer waiting for a decision (it is ${log.status})`, { status: log.status });
      await apply(tx, log);
      const [decided] = await tx.query('SELECT status, decision_reason FROM development_logs WHERE id = $1', [id]);
      await notify(tx, 'log_decided', [
        { userId: log.userId, data: { logId: log.id, logTitle: log.title, jp: Number(log.jp), decision: decided.status, reason: decided.decision_reason } },
      ]);
    });
    const [row] = await this.db.query(`${SELECT} WHERE l.id = $1`, [id]);
    return toRow(row);
  }

  private locked(tx: EntityManager, id: string): Promise<DevelopmentLog | null> {
    return tx.getRepository(DevelopmentLog).createQueryBuilder('l').setLock('pessimistic_write').where('l.id = :id', { id }).getOne();
  }

  private async read(id: string): Promise<TDevelopmentLog> {
    const [row] = await this.db.query(`${SELECT} WHERE l.id = $1`, [id]);
    return toLog(row);
  }
}

const SELECT = `
  SELECT l.id, l.user_id, l.form, l.title, l.organiser, l.started_on::text AS started_on, l.ended_on::text AS ended_on, l.hours, l.jp, l.description, l.status,
         l.proof_name, l.proof_type, l.proof_size, l.decided_by, l.decided_at, l.decision_reason, l.created_at, l.updated_at,
         u.name AS learner_name, u.nip AS learner_nip, u.email AS learner_email, u.employment_type AS learner_employment_type,
         un.id AS unit_id, un.code AS unit_code, un.name AS unit_name, p.id AS position_id, p.code AS position_code, p.name AS position_name, p.type AS position_type
    FROM development_logs l
    JOIN users u ON u.id = l.user_id
    LEFT JOIN units un ON un.id = u.unit_id
    LEFT JOIN positions p ON p.id = u.position_id`;

type Row = Record<string, any>;

function toLog(r: Row): TDevelopmentLog {
  return {
    id: r.id,
    userId: r.user_id,
    form: r.form,
    family: DEVELOPMENT_FORMS[r.form as keyof typeof DEVELOPMENT_FORMS],
    title: r.title,
    organiser: r.organiser,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    hours: r.hours === null ? null : Number(r.hours),
    jp: Number(r.jp),
    description: r.description,
    status: r.status,
    proof: { fileName: r.proof_name, contentType: r.proof_type, sizeBytes: Number(r.proof_size) },
    decidedBy: r.decided_by,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionReason: r.decision_reason,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function toRow(r: Row): TDevelopmentLogRow {
  const learner: TLearnerRef = {
    id: r.user_id,
    name: r.learner_name,
    nip: r.learner_nip,
    email: r.learner_email,
    employmentType: r.learner_employment_type,
    unit: r.unit_id ? { id: r.unit_id, code: r.unit_code, name: r.unit_name } : null,
    position: r.position_id ? { id: r.position_id, code: r.position_code, name: r.position_name, type: r.position_type } : null,
  };
  return { ...toLog(r), learner };
}
