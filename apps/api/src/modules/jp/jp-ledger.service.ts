import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { EMPLOYMENT_TYPES, TEmploymentType } from '@asah/contracts/roles';
import type { TJpEntry, TJpSourceType, TJpSummary, TJpTargetList } from '@asah/contracts/jp-ledger';
import { ZSetJpTargetsRequest } from '@asah/contracts/jp-ledger';
import { Actor, canSeeAgency, scopeAgency } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { User } from '../users/user.entity';
import { returning } from '../../common/db/sql';
import { jakartaYear } from '../../common/time/jakarta';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { resolveAgency } from '../agencies/agency-scope';
import { JpPolicy, roundJp, summariseJpYear } from '@asah/competency/jp-ledger';
import { JpTarget } from './jp-target.entity';

export interface JpCredit {
  userId: string;
  jp: number | string;
  sourceType: TJpSourceType;
  sourceId: string;
  description: string;
  /** `YYYY-MM-DD` in Asia/Jakarta; its year is the ledger year. */
  occurredOn: string;
}

type SetTargetsInput = ReturnType<typeof ZSetJpTargetsRequest.parse>;

interface EntryRow {
  id: string;
  year: number;
  jp: string;
  source_type: TJpSourceType;
  source_id: string;
  description: string;
  occurred_on: string;
  created_at: Date;
}

/**
 * The JP ledger: credits (idempotent per source and person), yearly summaries, and the targets and
 * caps per agency and employment type (platform defaults from the configuration).
 */
@Injectable()
export class JpLedgerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Credits JP inside the caller's transaction. A source credits a person once: crediting it again
   * changes nothing and answers the existing entry's id with `created: false`.
   */
  async credit(tx: EntityManager, credit: JpCredit): Promise<{ id: string; created: boolean }> {
    const [row] = await returning<{ id: string }>(
      tx,
      `INSERT INTO jp_ledger_entries (user_id, year, jp, source_type, source_id, description, occurred_on)
       VALUES ($1, EXTRACT(YEAR FROM $2::date)::int, $3, $4, $5, $6, $2::date)
       ON CONFLICT ON CONSTRAINT uq_jp_ledger_source DO NOTHING
       RETURNING id`,
      [credit.userId, credit.occurredOn, credit.jp, credit.sourceType, credit.sourceId, credit.description],
    );
    if (row) {
      // The year's total moves with the entry (read by the needs analysis: jp_year_totals).
      await tx.query(
        `INSERT INTO jp_year_totals (user_id, year, earned) VALUES ($1, EXTRACT(YEAR FROM $2::date)::int, $3)
         ON CONFLICT ON CONSTRAINT pk_jp_year_totals DO UPDATE SET earned = jp_year_totals.earned + excluded.earned`,
        [credit.userId, credit.occurredOn, credit.jp],
      );
      return { id: row.id, created: true };
    }
    const [existing] = await tx.query(`SELECT id FROM jp_ledger_entries WHERE source_type = $1 AND source_id = $2 AND user_id = $3`, [
      credit.sourceType,
      credit.sourceId,
      credit.userId,
    ]);
    return { id: existing.id, created: false };
  }

  /** Takes a credit back (an attendance mark removed) inside the caller's transaction. */
  async revoke(tx: EntityManager, sourceType: TJpSourceType, sourceId: string, userId: string): Promise<void> {
    const removed: { year: number; jp: string }[] = await returning(
      tx,
      `DELETE FROM jp_ledger_entries WHERE source_type = $1 AND source_id = $2 AND user_id = $3 RETURNING year, jp`,
      [sourceType, sourceId, userId],
    );
    for (const r of removed) {
      await tx.query(`UPDATE jp_year_totals SET earned = earned - $3 WHERE user_id = $1 AND year = $2`, [userId, r.year, r.jp]);
    }
  }

  /** The platform defaults (JP_TARGET_PNS, JP_CAP_PNS, JP_TARGET_PPPK, JP_CAP_PPPK). */
  defaults(): Record<TEmploymentType, JpPolicy> {
    const env = this.config.env;
    return { PNS: { target: env.JP_TARGET_PNS, cap: env.JP_CAP_PNS }, PPPK: { target: env.JP_TARGET_PPPK, cap: env.JP_CAP_PPPK } };
  }

  /** The target and cap of each employment type in an agency: its own, or the platform default. */
  async limits(manager: EntityManager, agencyId: string): Promise<Record<TEmploymentType, JpPolicy & { isDefault: boolean }>> {
    const own = await manager.find(JpTarget, { where: { agencyId } });
    const defaults = this.defaults();
    const result = {} as Record<TEmploymentType, JpPolicy & { isDefault: boolean }>;
    for (const type of EMPLOYMENT_TYPES) {
      const row = own.find((t) => t.employmentType === type);
      result[type] = row ? { target: num(row.targetJp), cap: num(row.capJp), isDefault: false } : { ...defaults[type], isDefault: true };
    }
    return result;
  }

  /** The employee's year: entries, what counts (held to the cap), target, cap, what remains. */
  async summary(userId: string, year = jakartaYear()): Promise<TJpSummary> {
    const [user] = await this.db.query(`SELECT agency_id, employment_type FROM users WHERE id = $1`, [userId]);
    const employmentType: TEmploymentType | null = user?.employment_type ?? null;
    const rows: EntryRow[] = await this.db.query(
      `SELECT id, year, jp, source_type, source_id, description, occurred_on::text AS occurred_on, created_at
         FROM jp_ledger_entries WHERE user_id = $1 AND year = $2 ORDER BY occurred_on DESC, created_at DESC, id`,
      [userId, year],
    );
    const entries = rows.map(toEntry);
    if (!employmentType || !user.agency_id) {
      const earned = roundJp(entries.reduce((sum, e) => sum + e.jp, 0));
      return { year, employmentType, earned, total: earned, target: null, cap: null, remaining: null, overCap: 0, entries };
    }
    const limits = await this.limits(this.db.manager, user.agency_id);
    const y = summariseJpYear(
      entries.map((e) => ({ date: e.occurredOn, jp: e.jp, source: e.sourceType })),
      year,
      { employmentType, targets: { PNS: limits.PNS, PPPK: limits.PPPK } },
    );
    return {
      year,
      employmentType,
      earned: y.earnedJp,
      total: y.countedJp,
      target: y.targetJp,
      cap: y.capJp,
      remaining: y.remainingJp,
      overCap: y.excessJp,
      entries,
    };
  }

  async targets(actor: Actor, agencyId: string | undefined): Promise<TJpTargetList> {
    const scoped = await resolveAgency(this.db.manager, actor, agencyId);
    const limits = await this.limits(this.db.manager, scoped);
    return { agencyId: scoped, items: EMPLOYMENT_TYPES.map((type) => ({ employmentType: type, ...limits[type] })) };
  }

  /** Sets the agency's own values for the listed types; `reset` types go back to the platform default. */
  async setTargets(actor: Actor, input: SetTargetsInput): Promise<TJpTargetList> {
    const agencyId = await resolveAgency(this.db.manager, actor, input.agencyId);
    await this.db.transaction(async (tx) => {
      for (const item of input.items) {
        await tx.query(
          `INSERT INTO jp_targets (agency_id, employment_type, target_jp, cap_jp, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, now())
           ON CONFLICT ON CONSTRAINT pk_jp_targets DO UPDATE SET target_jp = $3, cap_jp = $4, updated_by = $5, updated_at = now()`,
          [agencyId, item.employmentType, item.target, item.cap, actor.userId],
        );
      }
      const reset = input.reset.filter((t) => !input.items.some((i) => i.employmentType === t));
      if (reset.length) await tx.query(`DELETE FROM jp_targets WHERE agency_id = $1 AND employment_type = ANY($2)`, [agencyId, reset]);
    });
    return this.targets(actor, agencyId);
  }

  /** An admin's view of one employee's year; another agency's employee is a 404. */
  async ofUser(actor: Actor, userId: string, year: number | undefined): Promise<TJpSummary> {
    const user = await this.db.getRepository(User).findOne({ where: { id: userId }, select: { id: true, agencyId: true } });
    if (!user || !canSeeAgency(actor, user.agencyId)) throw notFound('User');
    return this.summary(user.id, year);
  }

  /** For the learner's own route: the agency is theirs. */
  mine(actor: Actor, year: number | undefined): Promise<TJpSummary> {
    scopeAgency(actor, undefined);
    return this.summary(actor.userId, year);
  }
}

const num = (v: string | null) => (v === null ? null : Number(v));

function toEntry(r: EntryRow): TJpEntry {
  return {
    id: r.id,
    year: r.year,
    jp: Number(r.jp),
    sourceType: r.source_type,
    sourceId: r.source_id,
    description: r.description,
    occurredOn: r.occurred_on,
    createdAt: r.created_at.toISOString(),
  };
}

