import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TCommitAck, TRuntimeScoState, TRuntimeState, TScormStandard, TSequencingStateRequest } from '@asah/contracts/tracking';
import { cmiLists, type CmiLists } from '@asah/scorm/cmi-normalise';
import { rollupActivity, statusFromSequencingRollup, type ProgressStatus, type ScoFacts } from '@asah/scorm/cmi-rollup';
import { formatDuration2004, formatTimespan12 } from '@asah/scorm/cmi-time';
import { generalCommitError, SCORM2004_SUSPEND_DATA_SPM, validateCmi, type CmiViolation } from '@asah/scorm/cmi-validate';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { PackageVersion } from '../content/package-version.entity';
import { CourseRollupService } from './course-rollup.service';
import { isOlder, planCommit, type CommitKey } from './commit-plan';
import { preparedQuery } from '../../database/prepared';
import { MicroBatcher } from './micro-batcher';
import { runtimePackage, type RuntimePackage } from './runtime-package';

/** What never changes about an attempt, cached so a commit needs no lookup before its transaction. */
export interface AttemptMeta {
  id: string;
  userId: string;
  activityId: string;
  courseId: string;
  preview: boolean;
  standard: TScormStandard;
  versionId: string;
  attemptNumber: number;
}

/** A runtime refusal that is not a SCORM error: answered with an HTTP status by the routes. */
export class RuntimeRefusal {
  constructor(
    readonly status: number,
    readonly message: string,
    readonly errorCode = 101,
  ) {}
}

type Obj = Record<string, unknown>;
const CACHE_MAX = 20_000;
/** A stored sequencing state (opaque) and the rollup the launcher computed with it. */
interface SequencingBox {
  state: unknown;
  rollup?: TSequencingStateRequest['rollup'];
  /** The save's number within its session (launchers that send one). */
  seq?: number;
}

/**
 * The SCORM runtime behind `/rt/<attemptId>/...` (runtime-routes.ts): state for the launcher,
 * commits, sequencing state, asset launches. Every write is one transaction keyed by
 * (attempt, SCO, session, commitSequence): the commit row's unique key makes a replay a no-op, the
 * SCO row lock orders concurrent commits, and an older key than the stored one changes nothing.
 */
@Injectable()
export class RuntimeService {
  private readonly logger = new Logger('ScormRuntime');
  private readonly attempts = new Map<string, AttemptMeta>();
  private readonly packages = new Map<string, RuntimePackage>();
  /**
   * The last state this process wrote or read per (attempt, SCO): a learner's next commit usually
   * needs no read. Only a hint: every write is guarded by the stored order key.
   */
  private readonly scoStates = new Map<string, Obj>();
  private readonly stateReads = new MicroBatcher<{ attemptId: string; sco: string }, Obj | undefined>(
    (items) => this.readStates(items),
    (i) => `${i.attemptId}\u0000${i.sco}`,
  );
  private readonly metaReads = new MicroBatcher<string, AttemptMeta | null>(
    (ids) => this.readMetas(ids),
    (id) => id,
  );
  private readonly fastWrites: MicroBatcher<{ key: string; row: FastRow }, boolean>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollup: CourseRollupService,
  ) {
    this.fastWrites = new MicroBatcher(
      (items) => this.writeFast(items.map((i) => i.row)),
      (i) => i.key,
      // One write statement in flight per process: commits arriving meanwhile gather into the next
      // one. Under a burst that makes fewer, larger statements (API and PostgreSQL CPU per commit
      // 0.81 -> 0.68 ms in runs one after another, decision 58); under moderate load a statement
      // ends well within the linger, so nothing waits longer.
      { lingerMs: config.runtime.commitLingerMs, maxInFlight: 1 },
    );
  }

  suspendDataMax(standard: TScormStandard): number {
    return standard === 'scorm12' ? this.config.runtime.scorm12SuspendDataMax : SCORM2004_SUSPEND_DATA_SPM;
  }

  async meta(attemptId: string): Promise<AttemptMeta | null> {
    return this.attempts.get(attemptId) ?? this.metaReads.submit(attemptId);
  }

  /**
   * Attempts read together, one statement for many instead of one each: after a restart every
   * learner's next commit misses the cache at once (20,000 learners in the steady benchmark).
   */
  private async readMetas(ids: string[]): Promise<(AttemptMeta | null)[]> {
    const rows: Obj[] = await preparedQuery(
      this.db,
      'runtime_read_attempts',
      `SELECT id, user_id, activity_id, course_id, preview, standard, package_version_id, attempt_number FROM tracking_attempts WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const found = new Map<string, AttemptMeta>();
    for (const row of rows) {
      const meta: AttemptMeta = {
        id: row.id as string,
        userId: row.user_id as string,
        activityId: row.activity_id as string,
        courseId: row.course_id as string,
        preview: row.preview as boolean,
        standard: row.standard as TScormStandard,
        versionId: row.package_version_id as string,
        attemptNumber: row.attempt_number as number,
      };
      found.set(meta.id, meta);
      if (this.attempts.size > CACHE_MAX) this.attempts.clear();
      this.attempts.set(meta.id, meta);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async package(versionId: string, fallbackTitle = ''): Promise<RuntimePackage> {
    const cached = this.packages.get(versionId);
    if (cached) return cached;
    const version = await this.db.manager.findOneByOrFail(PackageVersion, { id: versionId });
    const pkg = runtimePackage(version, this.config.content.publicUrl, fallbackTitle);
    if (!pkg) throw new RuntimeRefusal(409, 'This package is not a SCORM package');
    if (this.packages.size > 1000) this.packages.clear();
    this.packages.set(versionId, pkg);
    return pkg;
  }

  /** One launcher page load: a new session number and everything to start or resume. */
  async state(meta: AttemptMeta, token: string): Promise<TRuntimeState> {
    const [[attempt], [user], [activity]] = await Promise.all([
      this.db.query(`UPDATE tracking_attempts SET session_count = session_count + 1 WHERE id = $1 RETURNING session_count, sequencing_state, current_item`, [meta.id]),
      this.db.query(`SELECT name, nip FROM users WHERE id = $1`, [meta.userId]),
      this.db.query(`SELECT title FROM course_activities WHERE id = $1`, [meta.activityId]),
    ]);
    const session: number = attempt[0].session_count;
    const pkg = await this.package(meta.versionId, activity?.title ?? '');
    const rows: Obj[] = await this.db.query(
      `SELECT sco_identifier, cmi, adl_data, suspend_data, entry, total_time_seconds, last_session, last_sequence, completion_status, success_status, sessions
         FROM tracking_sco_states WHERE attempt_id = $1`,
      [meta.id],
    );
    const byId = new Map(rows.map((r) => [r.sco_identifier as string, r]));
    const scos: Record<string, TRuntimeScoState> = {};
    for (const { identifier, item } of pkg.launchable) {
      const row = byId.get(identifier);
      const lms = {
        learnerId: user?.nip ?? meta.userId,
        learnerName: user?.name ?? '',
        preview: meta.preview,
        entry: !row || Number(row.sessions) === 0 ? 'ab-initio' : row.entry === 'resume' ? 'resume' : '',
        totalSeconds: Number(row?.total_time_seconds ?? 0),
        launchData: item.dataFromLms ?? '',
        masteryScore: item.masteryScore,
        maxTimeAllowed: item.maxTimeAllowed,
        timeLimitAction: item.timeLimitAction,
        completionThreshold: item.completionThreshold?.value ?? item.completionThreshold?.minProgressMeasure ?? null,
      };
      const stored = { ...((row?.cmi as Obj) ?? {}), ...(row?.suspend_data ? { suspend_data: row.suspend_data } : {}) };
      scos[identifier] = {
        cmi: meta.standard === 'scorm12' ? lmsCmi12(stored, lms) : lmsCmi2004(stored, lms),
        adlData: (row?.adl_data as TRuntimeScoState['adlData']) ?? null,
        lastSession: Number(row?.last_session ?? 0),
        lastSequence: Number(row?.last_sequence ?? 0),
        completionStatus: (row?.completion_status as string) ?? null,
        successStatus: (row?.success_status as string) ?? null,
      };
    }
    const box = attempt[0].sequencing_state as SequencingBox | null;
    const base = `${this.config.content.publicUrl}/rt/${meta.id}`;
    const t = encodeURIComponent(token);
    const resumable = pkg.launchable.find((l) => byId.get(l.identifier)?.entry === 'resume')?.identifier;
    return {
      attemptId: meta.id,
      attemptNumber: meta.attemptNumber,
      standard: meta.standard,
      title: pkg.title,
      preview: meta.preview,
      session,
      items: pkg.items,
      sequencing: pkg.sequencing,
      sequencingState: box?.state ?? null,
      currentItem: attempt[0].current_item ?? resumable ?? pkg.launchable[0]?.identifier ?? null,
      suspendDataMax: this.suspendDataMax(meta.standard),
      scos,
      endpoints: {
        commit: `${base}/sco/{identifier}/commit?t=${t}`,
        sequencing: `${base}/sequencing?t=${t}`,
        launched: `${base}/sco/{identifier}/launched?t=${t}`,
      },
      portalOrigins: this.config.allowedOrigins,
    };
  }

  /**
   * Stores one commit of one SCO. SCORM-level problems answer `{ result: false, errorCode }`;
   * RuntimeRefusal for transport-level ones (unknown SCO).
   */
  async commit(meta: AttemptMeta, scoIdentifier: string, body: Obj, terminate: boolean): Promise<TCommitAck> {
    const pkg = await this.package(meta.versionId);
    if (!pkg.launchableIds.has(scoIdentifier)) throw new RuntimeRefusal(404, `No launchable item ${scoIdentifier} in this package`, generalCommitError(meta.standard));
    const session = toInt(body.session);
    const sequence = toInt(body.commitSequence);
    if (session === null || session < 1 || sequence === null || sequence < 0) {
      return { result: false, errorCode: generalCommitError(meta.standard), errorMessage: 'session and commitSequence must be non-negative integers' };
    }
    const limits = { suspendDataMax: this.suspendDataMax(meta.standard) };
    const refusal = (v: CmiViolation): TCommitAck => ({ result: false, errorCode: v.errorCode, errorMessage: v.message, element: v.element });
    const adlData = meta.standard === 'scorm2004' ? adlDataOf(body.adl) : undefined;

    const key = { session, sequence, terminate };
    const stateKey = `${meta.id}\u0000${scoIdentifier}`;
    // Fast path (most commits: location, suspend_data, time change; statuses and scores do not):
    // the stored state (cached, or read together with other commits' reads) and one guarded write
    // batched with other commits' writes; no transaction to hold. The guard (the stored order key
    // must still be the one this commit was merged onto) makes a stale cache or a racing commit
    // fall back to a fresh read, never to a lost update.
    for (let tries = 0; tries < 3; tries += 1) {
      const state = this.scoStates.get(stateKey) ?? (await this.stateReads.submit({ attemptId: meta.id, sco: scoIdentifier }));
      if (!state) break;
      if (isOlder(key, state)) {
        const check = validateCmi(meta.standard, body.cmi, limits);
        return check.ok ? this.late(meta, scoIdentifier, key) : refusal(check.violation);
      }
      // The commit is checked against the data model and merged onto the state in one walk.
      const planned = planCommit(meta.standard, state, body.cmi, limits, key);
      if (!planned.ok) return refusal(planned.violation);
      const { plan } = planned;
      if (plan.rollupNeeded || adlData !== undefined) break;
      const applied = await this.fastWrites.submit({
        key: stateKey,
        row: {
          id: state.id as string,
          attempt_id: meta.id,
          sco: scoIdentifier,
          cmi: plan.cmiJson,
          suspend_data: plan.facts.suspendData,
          total_time: plan.totalTime,
          prior_time: plan.priorTime,
          location: plan.facts.location,
          exit: plan.facts.exit,
          entry: plan.entry,
          score_min: plan.facts.scoreMin,
          score_max: plan.facts.scoreMax,
          session,
          sequence,
          new_session: plan.newSession ? 1 : 0,
          prev_session: Number(state.last_session),
          prev_sequence: Number(state.last_sequence),
          terminate,
          changed: plan.changed,
          diff: plan.diffJson,
          time_delta: plan.totalTime - Number(state.total_time_seconds),
          user_id: meta.userId,
          activity_id: meta.activityId,
          preview: meta.preview,
        },
      });
      if (applied) {
        this.remember(stateKey, {
          ...state,
          cmi: plan.cmiJson,
          suspend_data: plan.facts.suspendData,
          total_time_seconds: plan.totalTime,
          prior_time_seconds: plan.priorTime,
          last_session: session,
          last_sequence: sequence,
          sessions: Number(state.sessions) + (plan.newSession ? 1 : 0),
        });
        return { result: true, errorCode: 0 };
      }
      // Another commit of this SCO (here or in another API process) got in between: read again.
      this.scoStates.delete(stateKey);
    }
    this.scoStates.delete(stateKey);

    // Checked before the transaction: a refused commit writes nothing, not even the SCO's row.
    const check = validateCmi(meta.standard, body.cmi, limits);
    if (!check.ok) return refusal(check.violation);
    const outcome = await this.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tracking_sco_states (attempt_id, sco_identifier) VALUES ($1, $2) ON CONFLICT (attempt_id, sco_identifier) DO NOTHING`, [meta.id, scoIdentifier]);
      const [state] = await tx.query(`SELECT ${STATE_COLUMNS} FROM tracking_sco_states WHERE attempt_id = $1 AND sco_identifier = $2 FOR UPDATE`, [meta.id, scoIdentifier]);
      if (isOlder(key, state)) return { late: true as const };
      const [inserted] = await tx.query(
        `INSERT INTO tracking_commits (attempt_id, sco_identifier, session, sequence, terminate) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (attempt_id, sco_identifier, session, sequence) DO NOTHING RETURNING id`,
        [meta.id, scoIdentifier, session, sequence, terminate],
      );
      if (!inserted) return { late: true as const };
      const planned = planCommit(meta.standard, state, body.cmi, limits, key);
      if (!planned.ok) throw new Error('a checked commit was refused on the second check'); // same input, same rules
      const { plan } = planned;
      const { facts } = plan;
      await tx.query(
        `UPDATE tracking_sco_states SET cmi = $2, adl_data = COALESCE($3, adl_data), suspend_data = $4, completion_status = $5, success_status = $6,
           score_raw = $7, score_min = $8, score_max = $9, score_scaled = $10, total_time_seconds = $11, prior_time_seconds = $12,
           location = $13, exit = $14, entry = $15, last_session = $16, last_sequence = $17, sessions = sessions + $18, last_commit_at = now()
         WHERE id = $1`,
        [
          state.id,
          plan.cmiJson,
          adlData === undefined ? null : JSON.stringify(adlData),
          facts.suspendData,
          facts.completionStatus,
          facts.successStatus,
          facts.scoreRaw,
          facts.scoreMin,
          facts.scoreMax,
          facts.scoreScaled,
          plan.totalTime,
          plan.priorTime,
          facts.location,
          facts.exit,
          plan.entry,
          session,
          sequence,
          plan.newSession ? 1 : 0,
        ],
      );
      const interactionsChanged = plan.changed.some((k) => k.startsWith('cmi.interactions.'));
      const objectivesChanged = plan.changed.some((k) => k.startsWith('cmi.objectives.'));
      if (interactionsChanged || objectivesChanged) {
        const lists = cmiLists(meta.standard, plan.merged);
        if (interactionsChanged) await replaceInteractions(tx, state.id, meta.id, lists);
        if (objectivesChanged) await replaceObjectives(tx, state.id, meta.id, lists);
      }
      if (plan.changed.length) await tx.query(`UPDATE tracking_commits SET changed_keys = $2, diff = $3 WHERE id = $1`, [inserted.id, plan.changed, plan.diffJson]);
      const becameDone = await this.rollupAttempt(tx, meta, pkg);
      const written: Obj = {
        id: state.id,
        cmi: plan.cmiJson,
        suspend_data: facts.suspendData,
        total_time_seconds: plan.totalTime,
        prior_time_seconds: plan.priorTime,
        last_session: session,
        last_sequence: sequence,
        sessions: Number(state.sessions) + (plan.newSession ? 1 : 0),
        completion_status: facts.completionStatus,
        success_status: facts.successStatus,
        score_raw: facts.scoreRaw,
        score_scaled: facts.scoreScaled,
      };
      return { late: false as const, becameDone, written };
    });
    if (outcome.late) return this.late(meta, scoIdentifier, key);
    // The learner's next commit (usually a fast-path one) needs no read.
    this.remember(stateKey, outcome.written);
    if (outcome.becameDone) await this.rollup.completeCourseIfDone(meta.userId, meta.courseId);
    return { result: true, errorCode: 0 };
  }

  private remember(key: string, state: Obj): void {
    if (this.scoStates.size >= STATE_CACHE_MAX) this.scoStates.clear();
    this.scoStates.set(key, state);
  }

  /** The stored states of several SCOs in one statement (in the order asked; undefined = no row yet). */
  private async readStates(items: { attemptId: string; sco: string }[]): Promise<(Obj | undefined)[]> {
    const rows: Obj[] = await preparedQuery(
      this.db,
      'runtime_read_states',
      `SELECT x.i, ${STATE_COLUMNS_OF_S}
         FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(attempt_id, sco, i)
         JOIN tracking_sco_states s ON s.attempt_id = x.attempt_id AND s.sco_identifier = x.sco`,
      [items.map((i) => i.attemptId), items.map((i) => i.sco)],
    );
    const out: (Obj | undefined)[] = new Array(items.length).fill(undefined);
    for (const { i, ...row } of rows) {
      const index = Number(i) - 1;
      out[index] = row;
      this.remember(`${items[index]!.attemptId}\u0000${items[index]!.sco}`, row);
    }
    return out;
  }

  /**
   * Fast-path commits of several SCOs in one statement: each SCO row is updated only when its
   * stored order key is still the one the commit was merged onto; the commit history, the
   * attempt's time and the activity's "last activity" follow for the rows that were. True per
   * row that was applied. The activity's "last activity" (progress tables) is kept to the minute:
   * rewriting that row on each of a learner's commits, seconds apart, cost PostgreSQL a row
   * version per commit for a time no view shows more finely; the attempt's is exact.
   */
  private async writeFast(rows: FastRow[]): Promise<boolean[]> {
    // The JSON of the rows is put together from the already serialised CMI and diff (no second
    // stringify of ~3 KB per commit); PostgreSQL parses it once with jsonb_to_recordset.
    const json = `[${rows
      .map(({ cmi, diff, ...rest }) => `${JSON.stringify(rest).slice(0, -1)},"cmi":${cmi},"diff":${diff}}`)
      .join(',')}]`;
    const applied = await preparedQuery<{ id: string }>(
      this.db,
      'runtime_write_fast',
      `WITH v AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, attempt_id uuid, sco text, cmi jsonb, suspend_data text, total_time float8, prior_time float8,
           location text, exit text, entry text, score_min float8, score_max float8, session int, sequence int, new_session int, prev_session int,
           prev_sequence int, terminate boolean, changed text[], diff jsonb, time_delta float8, user_id uuid, activity_id uuid, preview boolean)),
       s AS (
         UPDATE tracking_sco_states t SET cmi = v.cmi, suspend_data = v.suspend_data, total_time_seconds = v.total_time, prior_time_seconds = v.prior_time,
           location = v.location, exit = v.exit, entry = v.entry, score_min = v.score_min, score_max = v.score_max, last_session = v.session,
           last_sequence = v.sequence, sessions = t.sessions + v.new_session, last_commit_at = now()
          FROM v WHERE t.id = v.id AND t.last_session = v.prev_session AND t.last_sequence = v.prev_sequence RETURNING t.id),
       ok AS (SELECT v.* FROM v JOIN s ON s.id = v.id),
       c AS (
         INSERT INTO tracking_commits (attempt_id, sco_identifier, session, sequence, terminate, changed_keys, diff)
         SELECT attempt_id, sco, session, sequence, terminate, changed, diff FROM ok ON CONFLICT DO NOTHING),
       a AS (
         UPDATE tracking_attempts ta SET total_time_seconds = ta.total_time_seconds + x.delta, last_activity_at = now()
           FROM (SELECT attempt_id, sum(time_delta) AS delta FROM ok GROUP BY attempt_id) x WHERE ta.id = x.attempt_id),
       r AS (
         UPDATE activity_results ar SET last_activity_at = now()
           FROM (SELECT DISTINCT user_id, activity_id FROM ok WHERE NOT preview) x WHERE ar.user_id = x.user_id AND ar.activity_id = x.activity_id
             AND (ar.last_activity_at IS NULL OR ar.last_activity_at < now() - interval '1 minute'))
       SELECT id FROM s`,
      [json],
    );
    const done = new Set(applied.map((a) => a.id));
    return rows.map((r) => done.has(r.id));
  }

  /** A replay or a commit older than the stored state: acknowledged, kept in the history once, no effect. */
  private async late(meta: AttemptMeta, scoIdentifier: string, key: CommitKey): Promise<TCommitAck> {
    await this.db.query(
      `INSERT INTO tracking_commits (attempt_id, sco_identifier, session, sequence, terminate, applied) VALUES ($1, $2, $3, $4, $5, false)
       ON CONFLICT (attempt_id, sco_identifier, session, sequence) DO NOTHING`,
      [meta.id, scoIdentifier, key.session, key.sequence, key.terminate],
    );
    return { result: true, errorCode: 0, duplicate: true };
  }

  /** Sequencing state of a sequenced 2004 package; an older session's state never replaces a newer one. */
  async saveSequencing(meta: AttemptMeta, input: TSequencingStateRequest): Promise<TCommitAck> {
    const size = JSON.stringify(input.state ?? null).length;
    if (size > 256 * 1024) return { result: false, errorCode: 391, errorMessage: 'sequencing state over 256 KiB' };
    const pkg = await this.package(meta.versionId);
    const outcome = await this.db.transaction(async (tx) => {
      const [row] = await tx.query(`SELECT sequencing_session, sequencing_state->'seq' AS seq FROM tracking_attempts WHERE id = $1 FOR UPDATE`, [meta.id]);
      if (Number(row.sequencing_session) > input.session) return { stale: true as const };
      // Within one session, saves in flight together (a delivery's, the terminate's) can arrive in either order.
      if (Number(row.sequencing_session) === input.session && input.seq !== undefined && typeof row.seq === 'number' && row.seq >= input.seq) return { stale: true as const };
      const box: SequencingBox = { state: input.state ?? null, ...(input.rollup ? { rollup: input.rollup } : {}), ...(input.seq !== undefined ? { seq: input.seq } : {}) };
      const current = input.currentItem && pkg.launchableIds.has(input.currentItem) ? input.currentItem : null;
      await tx.query(`UPDATE tracking_attempts SET sequencing_state = $2, sequencing_session = $3, current_item = COALESCE($4, current_item), last_activity_at = now() WHERE id = $1`, [
        meta.id,
        JSON.stringify(box),
        input.session,
        current,
      ]);
      const becameDone = input.rollup ? await this.rollupAttempt(tx, meta, pkg) : false;
      return { stale: false as const, becameDone };
    });
    if (outcome.stale) return { result: true, errorCode: 0, duplicate: true };
    if (outcome.becameDone) await this.rollup.completeCourseIfDone(meta.userId, meta.courseId);
    return { result: true, errorCode: 0 };
  }

  /** An asset (no API calls) counts as completed when launched; a SCO launch only moves "resume here". */
  async launched(meta: AttemptMeta, identifier: string): Promise<TCommitAck> {
    const pkg = await this.package(meta.versionId);
    const item = pkg.launchable.find((l) => l.identifier === identifier);
    if (!item) throw new RuntimeRefusal(404, `No launchable item ${identifier} in this package`);
    this.scoStates.delete(`${meta.id}\u0000${identifier}`);
    const becameDone = await this.db.transaction(async (tx) => {
      await tx.query(`UPDATE tracking_attempts SET current_item = $2, last_activity_at = now() WHERE id = $1`, [meta.id, identifier]);
      if (item.scormType !== 'asset') return false;
      await tx.query(
        `INSERT INTO tracking_sco_states (attempt_id, sco_identifier, completion_status, success_status, sessions, last_commit_at)
         VALUES ($1, $2, 'completed', 'unknown', 1, now())
         ON CONFLICT (attempt_id, sco_identifier) DO UPDATE SET completion_status = 'completed', last_commit_at = now()`,
        [meta.id, identifier],
      );
      return this.rollupAttempt(tx, meta, pkg);
    });
    if (becameDone) await this.rollup.completeCourseIfDone(meta.userId, meta.courseId);
    return { result: true, errorCode: 0 };
  }

  /** SCOs → attempt (status, score, time) → activity result. True when the activity became done. */
  private async rollupAttempt(tx: EntityManager, meta: AttemptMeta, pkg: RuntimePackage): Promise<boolean> {
    const rows: Obj[] = await tx.query(
      `SELECT sco_identifier, completion_status, success_status, score_scaled, score_raw, total_time_seconds FROM tracking_sco_states WHERE attempt_id = $1`,
      [meta.id],
    );
    const [attempt]: Obj[] = await tx.query(`SELECT sequencing_state, status, score_scaled, score_raw FROM tracking_attempts WHERE id = $1`, [meta.id]);
    const facts = new Map<string, ScoFacts>(
      rows.map((r) => [r.sco_identifier as string, { completion: (r.completion_status ?? 'unknown') as ScoFacts['completion'], success: (r.success_status ?? 'unknown') as ScoFacts['success'], scoreScaled: r.score_scaled as number | null }]),
    );
    const box = attempt!.sequencing_state as SequencingBox | null;
    let status: ProgressStatus;
    let scoreScaled: number | null;
    if (box?.rollup) {
      status = statusFromSequencingRollup(box.rollup);
      scoreScaled = box.rollup.scoreScaled ?? rollupActivity(pkg.launchable.map((l) => l.identifier), facts).scoreScaled;
    } else {
      ({ status, scoreScaled } = rollupActivity(pkg.launchable.map((l) => l.identifier), facts));
    }
    if (status === 'not_started' && rows.length) status = 'incomplete';
    const raws = rows.map((r) => r.score_raw).filter((x): x is number => typeof x === 'number');
    const scoreRaw = raws.length === 1 ? raws[0]! : raws.length ? raws.reduce((a, b) => a + b, 0) / raws.length : null;
    const totalTime = rows.reduce((sum, r) => sum + Number(r.total_time_seconds ?? 0), 0);
    const done = status === 'completed' || status === 'passed' || status === 'failed';
    await tx.query(
      `UPDATE tracking_attempts SET status = $2, score_scaled = $3, score_raw = $4, total_time_seconds = $5, last_activity_at = now(),
         completed_at = CASE WHEN $6 THEN COALESCE(completed_at, now()) ELSE completed_at END WHERE id = $1`,
      [meta.id, status, scoreScaled, scoreRaw, totalTime, done],
    );
    if (meta.preview) return false;
    // The activity result is a function of the attempts' statuses and scores: unchanged, it only gets the time.
    if (status === attempt!.status && scoreScaled === (attempt!.score_scaled ?? null) && scoreRaw === (attempt!.score_raw ?? null)) {
      await tx.query(`UPDATE activity_results SET last_activity_at = now() WHERE user_id = $1 AND activity_id = $2`, [meta.userId, meta.activityId]);
      return false;
    }
    return this.rollup.refreshActivityResult(tx, meta.userId, meta.activityId, meta.courseId);
  }
}

function toInt(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n <= 2_000_000_000 ? n : null;
}

/**
 * Cached SCO states per API process (~3-6 KB each). The CMI is kept as its JSON text and parsed by
 * the next commit (planCommit): one string per SCO instead of an object graph that lives ~30 s,
 * long enough to reach the old generation, where 20,000 learners' graphs made every major GC mark
 * millions of objects (pauses of 40–110 ms in the steady benchmark).
 */
const STATE_CACHE_MAX = 50_000;

/** One fast-path commit as the batched statement reads it (cmi and diff are JSON texts). */
interface FastRow {
  id: string;
  attempt_id: string;
  sco: string;
  cmi: string;
  suspend_data: string | null;
  total_time: number;
  prior_time: number;
  location: string | null;
  exit: string | null;
  entry: string;
  score_min: number | null;
  score_max: number | null;
  session: number;
  sequence: number;
  new_session: number;
  prev_session: number;
  prev_sequence: number;
  terminate: boolean;
  changed: string[];
  diff: string;
  time_delta: number;
  user_id: string;
  activity_id: string;
  preview: boolean;
}

const STATE_COLUMNS = `id, cmi::text AS cmi, suspend_data, total_time_seconds, prior_time_seconds, last_session, last_sequence, sessions,
  completion_status, success_status, score_raw, score_scaled`;
const STATE_COLUMNS_OF_S = STATE_COLUMNS.split(',').map((c) => `s.${c.trim()}`).join(', ');

function adlDataOf(adl: unknown): Obj[] | undefined {
  const data = (adl as Obj | undefined)?.data;
  if (!data || typeof data !== 'object') return undefined;
  const list = Array.isArray(data) ? data : Object.entries(data as Obj).filter(([k]) => /^\d+$/.test(k)).map(([, v]) => v);
  return list.filter((v): v is Obj => typeof v === 'object' && v !== null).slice(0, 1000);
}

async function replaceInteractions(tx: EntityManager, scoStateId: string, attemptId: string, facts: CmiLists): Promise<void> {
  await tx.query(`DELETE FROM tracking_interactions WHERE sco_state_id = $1`, [scoStateId]);
  if (!facts.interactions.length) return;
  const i = facts.interactions;
  await tx.query(
    `INSERT INTO tracking_interactions (sco_state_id, attempt_id, idx, interaction_id, type, description, learner_response, correct_responses, result, weighting, latency, timestamp, objective_ids)
     SELECT $1, $2, x.idx, x.iid, x.type, x.description, x.response, ARRAY(SELECT jsonb_array_elements_text(x.correct)), x.result, x.weighting, x.latency, x.ts, ARRAY(SELECT jsonb_array_elements_text(x.objectives))
       FROM jsonb_to_recordset($3::jsonb) AS x(idx int, iid text, type text, description text, response text, correct jsonb, result text, weighting float8, latency text, ts text, objectives jsonb)`,
    [
      scoStateId,
      attemptId,
      JSON.stringify(
        i.map((r) => ({
          idx: r.index,
          iid: r.id,
          type: r.type,
          description: r.description,
          response: r.learnerResponse,
          correct: r.correctResponses,
          result: r.result,
          weighting: r.weighting,
          latency: r.latency,
          ts: r.timestamp,
          objectives: r.objectiveIds,
        })),
      ),
    ],
  );
}

async function replaceObjectives(tx: EntityManager, scoStateId: string, attemptId: string, facts: CmiLists): Promise<void> {
  await tx.query(`DELETE FROM tracking_objectives WHERE sco_state_id = $1`, [scoStateId]);
  if (!facts.objectives.length) return;
  await tx.query(
    `INSERT INTO tracking_objectives (sco_state_id, attempt_id, idx, objective_id, completion_status, success_status, score_scaled, score_raw, score_min, score_max, progress_measure, description)
     SELECT $1, $2, x.idx, x.oid, x.completion, x.success, x.scaled, x.raw, x.min, x.max, x.progress, x.description
       FROM jsonb_to_recordset($3::jsonb) AS x(idx int, oid text, completion text, success text, scaled float8, raw float8, min float8, max float8, progress float8, description text)`,
    [
      scoStateId,
      attemptId,
      JSON.stringify(
        facts.objectives.map((o) => ({
          idx: o.index,
          oid: o.id,
          completion: o.completionStatus,
          success: o.successStatus,
          scaled: o.scoreScaled,
          raw: o.scoreRaw,
          min: o.scoreMin,
          max: o.scoreMax,
          progress: o.progressMeasure,
          description: o.description,
        })),
      ),
    ],
  );
}

interface LmsValues {
  learnerId: string;
  learnerName: string;
  preview: boolean;
  entry: string;
  totalSeconds: number;
  launchData: string;
  masteryScore: number | null;
  maxTimeAllowed: string | null;
  timeLimitAction: string | null;
  completionThreshold: number | null;
}

/** Stored CMI with the LMS-owned 1.2 elements set (cmi.core.entry = 'resume' after exit 'suspend'). */
function lmsCmi12(stored: Obj, lms: LmsValues): Obj {
  const core = { ...((stored.core as Obj) ?? {}) };
  Object.assign(core, {
    student_id: lms.learnerId,
    student_name: lms.learnerName,
    credit: lms.preview ? 'no-credit' : 'credit',
    lesson_mode: lms.preview ? 'browse' : 'normal',
    entry: lms.entry,
    total_time: formatTimespan12(lms.totalSeconds),
  });
  const studentData: Obj = { ...((stored.student_data as Obj) ?? {}) };
  if (lms.masteryScore !== null) studentData.mastery_score = String(lms.masteryScore);
  if (lms.maxTimeAllowed) studentData.max_time_allowed = lms.maxTimeAllowed;
  if (lms.timeLimitAction) studentData.time_limit_action = lms.timeLimitAction;
  return { ...stored, core, launch_data: lms.launchData, student_data: studentData };
}

function lmsCmi2004(stored: Obj, lms: LmsValues): Obj {
  const out: Obj = {
    ...stored,
    learner_id: lms.learnerId,
    learner_name: lms.learnerName,
    credit: lms.preview ? 'no-credit' : 'credit',
    mode: lms.preview ? 'browse' : 'normal',
    entry: lms.entry,
    total_time: formatDuration2004(lms.totalSeconds),
    launch_data: lms.launchData,
  };
  if (lms.maxTimeAllowed) out.max_time_allowed = lms.maxTimeAllowed;
  if (lms.timeLimitAction) out.time_limit_action = lms.timeLimitAction;
  if (lms.completionThreshold !== null) out.completion_threshold = String(lms.completionThreshold);
  return out;
}
