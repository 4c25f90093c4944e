import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type {
  TActivityProgress,
  TActivityProgressStatus,
  TAttemptDetail,
  TAttemptSummary,
  TCourseProgress,
  TCourseProgressPage,
  TCourseProgressQuery,
  TCourseProgressRow,
  TLearnerCourseProgress,
} from '@asah/contracts/tracking';
import type { TEnrolmentStatus } from '@asah/contracts/enrolments';
import { Actor, isPlatformAdmin } from '../../common/auth/actor';
import { notFound } from '../../common/errors/domain-error';
import { CourseAccessService } from '../courses/course-access.service';
import { canEdit } from '../courses/course-rules';
import { preparedQuery } from '../../database/prepared';
import { sessionActorSql, type AccessClaims, type SessionActorRow } from '../../common/auth/session-actor';
import { COUNTED_SQL, CourseRollupService, DONE_SQL } from './course-rollup.service';

type Row = Record<string, any>;
const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const CSV_MAX_ROWS = 50_000;

/**
 * Progress views: the learner's own (per course and "Pembelajaran Saya"), the course progress
 * table for the course's editors and admins (paged and filtered in SQL, and as CSV), one learner's
 * activities with their attempts, and an attempt's detail (SCOs, interactions, objectives, commits).
 * Admins and instructors only ever see learners of their own agency (platform admins: everyone),
 * also in platform-wide courses they can read.
 */
@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CourseAccessService,
    private readonly rollup: CourseRollupService,
  ) {}

  // ---- learner ----

  async myCourse(actor: Actor, courseId: string): Promise<TCourseProgress> {
    const rows: Row[] = await preparedQuery(this.db, 'progress_my_course', progressSql(MY_ENROLMENT('$2')), [courseId, actor.userId]);
    return this.myCourseFrom(actor, courseId, rows);
  }

  /**
   * myCourse with the session read in the same statement (the fast lane's one round trip): the
   * learner opens this page every minute while learning, issue 4's steady load. `authorize` refuses
   * (no session, inactive account, role) before the progress rows are looked at.
   */
  async myCourseInSession(claims: AccessClaims, courseId: string, authorize: (row: SessionActorRow | undefined) => Actor): Promise<TCourseProgress> {
    const rows: Row[] = await preparedQuery(
      this.db,
      'progress_my_course_in_session',
      `WITH session_actor AS (${sessionActorSql('$2', '$3')})
       SELECT session_actor.*, p.*
         FROM session_actor LEFT JOIN LATERAL (${progressSql(MY_ENROLMENT('session_actor.id'))}) p ON true
        ORDER BY p.enrolment_id, p.section_position, p.activity_position`,
      [courseId, claims.sub, claims.sid],
    );
    // The session's columns (id, roles, agency_id, user_active, agency_active) share no name with the progress rows'.
    const actor = authorize(rows[0] as SessionActorRow | undefined);
    return this.myCourseFrom(actor, courseId, rows.filter((r) => r.enrolment_id !== null));
  }

  private async myCourseFrom(actor: Actor, courseId: string, rows: Row[]): Promise<TCourseProgress> {
    const [progress] = toProgress(rows);
    if (!progress) throw notFound('Enrolment');
    // Repairs a completion lost between a commit's transaction and the credit (crash in between).
    if (progress.status !== 'completed' && progress.percent === 100 && (await this.rollup.completeCourseIfDone(actor.userId, courseId))) {
      return (await this.forEnrolments([rows[0]!.enrolment_id]))[0]!;
    }
    return progress;
  }

  async mine(actor: Actor): Promise<TCourseProgress[]> {
    const rows: Row[] = await this.db.query(
      `SELECT id FROM enrolments WHERE user_id = $1 AND status IN ('approved', 'active', 'completed') ORDER BY updated_at DESC LIMIT 200`,
      [actor.userId],
    );
    return this.forEnrolments(rows.map((r) => r.id));
  }

  /** Course progress of enrolments, with one query whatever their number. */
  private async forEnrolments(enrolmentIds: string[]): Promise<TCourseProgress[]> {
    if (!enrolmentIds.length) return [];
    const rows: Row[] = await preparedQuery(this.db, 'progress_for_enrolments', progressSql('e.id = ANY($1)'), [enrolmentIds]);
    const order = new Map(enrolmentIds.map((id, i) => [id, i]));
    return toProgress(rows).sort((a, b) => order.get(a.enrolmentId!)! - order.get(b.enrolmentId!)!);
  }

  // ---- course editors and admins ----

  /** Agency filter for non-platform actors: their agency's learners only. */
  private async reachCourse(actor: Actor, courseId: string): Promise<{ agencyId: string | null }> {
    const reach = await this.courses.readable(actor, courseId);
    // Instructors not assigned to the course have no reach (readable answers 404 for `none`).
    if (!canEdit(reach.access) && reach.access !== 'read') throw notFound('Course');
    return { agencyId: isPlatformAdmin(actor) ? null : actor.agencyId };
  }

  async table(actor: Actor, courseId: string, query: TCourseProgressQuery): Promise<TCourseProgressPage> {
    const { agencyId } = await this.reachCourse(actor, courseId);
    const { where, params } = filters(courseId, agencyId, query);
    const order = { name: 'u.name ASC', percent: 'percent DESC, u.name ASC', lastActivityAt: 'last_activity_at DESC NULLS LAST, u.name ASC' }[query.sort];
    const [count] = await this.db.query(`SELECT count(*)::int AS total FROM enrolments e JOIN users u ON u.id = e.user_id WHERE ${where}`, params);
    const rows = await this.db.query(`${tableSql(where)} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`, params);
    return { items: rows.map(toRow), total: count.total, page: query.page, pageSize: query.pageSize };
  }

  async csv(actor: Actor, courseId: string, query: TCourseProgressQuery): Promise<Buffer> {
    const { agencyId } = await this.reachCourse(actor, courseId);
    const { where, params } = filters(courseId, agencyId, query);
    const rows: TCourseProgressRow[] = (await this.db.query(`${tableSql(where)} ORDER BY u.name ASC LIMIT ${CSV_MAX_ROWS}`, params)).map(toRow);
    const header = ['NIP', 'Nama', 'Unit Kerja', 'Angkatan', 'Status Pendaftaran', 'Progres (%)', 'Aktivitas Selesai', 'Aktivitas Dihitung', 'Nilai (%)', 'Waktu Belajar (menit)', 'Aktivitas Terakhir', 'Selesai Pada'];
    const lines = rows.map((r) =>
      [
        r.user.nip ?? '',
        r.user.name,
        r.user.unit ?? '',
        r.cohort?.name ?? '',
        r.enrolmentStatus,
        r.percent,
        r.doneActivities,
        r.countedActivities,
        r.scoreScaled === null ? '' : Math.round(r.scoreScaled * 100),
        Math.round(r.totalTimeSeconds / 60),
        r.lastActivityAt ?? '',
        r.completedAt ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
    return Buffer.from(`\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`, 'utf8');
  }

  async learner(actor: Actor, courseId: string, userId: string): Promise<TLearnerCourseProgress> {
    const { agencyId } = await this.reachCourse(actor, courseId);
    const [user] = await this.db.query(`SELECT id, name, nip, agency_id FROM users WHERE id = $1`, [userId]);
    if (!user || (agencyId && user.agency_id !== agencyId)) throw notFound('Learner');
    const [enrolment] = await this.db.query(
      `SELECT id, status FROM enrolments WHERE course_id = $1 AND user_id = $2 ORDER BY (status IN ('approved', 'active', 'completed')) DESC, requested_at DESC LIMIT 1`,
      [courseId, userId],
    );
    const activities: Row[] = await this.db.query(
      `SELECT a.id, a.title, a.type, ${COUNTED_SQL} AS counted, r.status, r.score_scaled, r.score_raw
         FROM course_activities a JOIN courses c ON c.id = a.course_id JOIN course_sections s ON s.id = a.section_id
         LEFT JOIN activity_results r ON r.activity_id = a.id AND r.user_id = $2
        WHERE a.course_id = $1 ORDER BY s.position, a.position`,
      [courseId, userId],
    );
    const attempts: Row[] = await this.db.query(`SELECT * FROM tracking_attempts WHERE course_id = $1 AND user_id = $2 AND NOT preview ORDER BY attempt_number`, [courseId, userId]);
    const progress = enrolment && ['approved', 'active', 'completed'].includes(enrolment.status) ? (await this.forEnrolments([enrolment.id]))[0] : null;
    return {
      courseId,
      user: { id: user.id, name: user.name, nip: user.nip },
      enrolmentId: enrolment?.id ?? null,
      enrolmentStatus: enrolment?.status ?? null,
      percent: progress?.percent ?? 0,
      activities: activities.map((a) => ({
        activityId: a.id,
        title: a.title,
        type: a.type,
        required: a.counted === true,
        status: (a.status ?? 'not_started') as TActivityProgressStatus,
        scoreScaled: num(a.score_scaled),
        scoreRaw: num(a.score_raw),
        attempts: attempts.filter((t) => t.activity_id === a.id).map(toAttemptSummary),
      })),
    };
  }

  /** The learner's own attempt, or one in a course the actor edits or administers (own agency's learners). */
  async attempt(actor: Actor, attemptId: string): Promise<TAttemptDetail> {
    const [t] = await this.db.query(
      `SELECT t.*, a.title AS activity_title, u.name AS user_name, u.nip AS user_nip, u.agency_id AS user_agency
         FROM tracking_attempts t JOIN course_activities a ON a.id = t.activity_id JOIN users u ON u.id = t.user_id WHERE t.id = $1`,
      [attemptId],
    );
    if (!t) throw notFound('Attempt');
    if (t.user_id !== actor.userId) {
      const isStaff = actor.roles.some((r) => r === 'instructor' || r === 'agency_admin' || r === 'platform_admin');
      if (!isStaff) throw notFound('Attempt');
      const { agencyId } = await this.reachCourse(actor, t.course_id).catch(() => {
        throw notFound('Attempt');
      });
      if (agencyId && t.user_agency !== agencyId) throw notFound('Attempt');
    }
    const [scos, interactions, objectives, commits] = await Promise.all([
      this.db.query(`SELECT * FROM tracking_sco_states WHERE attempt_id = $1`, [attemptId]) as Promise<Row[]>,
      this.db.query(`SELECT * FROM tracking_interactions WHERE attempt_id = $1 ORDER BY idx`, [attemptId]) as Promise<Row[]>,
      this.db.query(`SELECT * FROM tracking_objectives WHERE attempt_id = $1 ORDER BY idx`, [attemptId]) as Promise<Row[]>,
      this.db.query(
        `SELECT sco_identifier, session, sequence, terminate, received_at, changed_keys FROM tracking_commits WHERE attempt_id = $1 AND applied ORDER BY id DESC LIMIT 50`,
        [attemptId],
      ) as Promise<Row[]>,
    ]);
    const [version] = await this.db.query(`SELECT launch_pages FROM package_versions WHERE id = $1`, [t.package_version_id]);
    const titles = new Map<string, string>(((version?.launch_pages ?? []) as { itemId: string; title: string }[]).map((p) => [p.itemId, p.title]));
    const order = [...titles.keys()];
    scos.sort((a, b) => order.indexOf(a.sco_identifier) - order.indexOf(b.sco_identifier));
    return {
      ...toAttemptSummary(t),
      courseId: t.course_id,
      activityId: t.activity_id,
      activityTitle: t.activity_title,
      standard: t.standard,
      user: { id: t.user_id, name: t.user_name, nip: t.user_nip },
      scos: scos.map((s) => ({
        identifier: s.sco_identifier,
        title: titles.get(s.sco_identifier) ?? s.sco_identifier,
        completionStatus: s.completion_status,
        successStatus: s.success_status,
        scoreRaw: num(s.score_raw),
        scoreMin: num(s.score_min),
        scoreMax: num(s.score_max),
        scoreScaled: num(s.score_scaled),
        totalTimeSeconds: Math.round(Number(s.total_time_seconds ?? 0)),
        location: s.location,
        suspendDataLength: (s.suspend_data ?? '').length,
        entry: s.entry,
        exit: s.exit,
        sessions: Number(s.sessions ?? 0),
        lastCommitAt: iso(s.last_commit_at),
        interactions: interactions
          .filter((i) => i.sco_state_id === s.id)
          .map((i) => ({
            index: i.idx,
            id: i.interaction_id,
            type: i.type,
            description: i.description,
            learnerResponse: i.learner_response,
            correctResponses: i.correct_responses ?? [],
            result: i.result,
            weighting: num(i.weighting),
            latency: i.latency,
            timestamp: i.timestamp,
            objectiveIds: i.objective_ids ?? [],
          })),
        objectives: objectives
          .filter((o) => o.sco_state_id === s.id)
          .map((o) => ({
            index: o.idx,
            id: o.objective_id,
            completionStatus: o.completion_status,
            successStatus: o.success_status,
            scoreScaled: num(o.score_scaled),
            scoreRaw: num(o.score_raw),
            scoreMin: num(o.score_min),
            scoreMax: num(o.score_max),
            progressMeasure: num(o.progress_measure),
            description: o.description,
          })),
      })),
      commits: commits.map((c) => ({
        scoIdentifier: c.sco_identifier,
        session: c.session,
        sequence: c.sequence,
        terminate: c.terminate,
        receivedAt: iso(c.received_at)!,
        changedKeys: c.changed_keys ?? [],
      })),
    };
  }
}

function activityStatus(r: Row): TActivityProgressStatus {
  if (r.type === 'classroom') return r.done ? 'completed' : 'not_started';
  return (r.status ?? 'not_started') as TActivityProgressStatus;
}

function toAttemptSummary(t: Row): TAttemptSummary {
  return {
    id: t.id,
    attemptNumber: t.attempt_number,
    preview: t.preview,
    status: t.status,
    scoreScaled: num(t.score_scaled),
    scoreRaw: num(t.score_raw),
    totalTimeSeconds: Math.round(Number(t.total_time_seconds ?? 0)),
    startedAt: iso(t.started_at)!,
    lastActivityAt: iso(t.last_activity_at),
    completedAt: iso(t.completed_at),
  };
}

function filters(courseId: string, agencyId: string | null, query: TCourseProgressQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [courseId];
  const clauses = [`e.course_id = $1`, `e.status IN ('approved', 'active', 'completed')`];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(params.length));
  };
  if (agencyId) add((n) => `u.agency_id = $${n}`, agencyId);
  if (query.enrolmentStatus) {
    clauses[1] = `e.status IS NOT NULL`;
    add((n) => `e.status = $${n}`, query.enrolmentStatus);
  }
  if (query.cohortId) add((n) => `e.cohort_id = $${n}`, query.cohortId);
  if (query.unitId) add((n) => `u.unit_id = $${n}`, query.unitId);
  if (query.q) add((n) => `(u.name ILIKE $${n} OR u.nip ILIKE $${n})`, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.progress === 'completed') clauses.push(`e.status = 'completed'`);
  if (query.progress === 'not_started') clauses.push(`e.status <> 'completed' AND NOT EXISTS (SELECT 1 FROM activity_results r WHERE r.user_id = e.user_id AND r.course_id = e.course_id)`);
  if (query.progress === 'in_progress') clauses.push(`e.status <> 'completed' AND EXISTS (SELECT 1 FROM activity_results r WHERE r.user_id = e.user_id AND r.course_id = e.course_id)`);
  return { where: clauses.join(' AND '), params };
}

/** One row per enrolment; counts per the course rule, score and time over the learner's results and attempts. */
function tableSql(where: string): string {
  return `SELECT e.id AS enrolment_id, e.status AS enrolment_status, e.completed_at, u.id AS user_id, u.name, u.nip, un.name AS unit_name,
       co.id AS cohort_id, co.name AS cohort_name, k.counted, k.done,
       CASE WHEN e.status = 'completed' THEN 100 WHEN k.counted = 0 THEN 0 ELSE floor(k.done * 100.0 / k.counted)::int END AS percent,
       (SELECT avg(r.score_scaled) FROM activity_results r WHERE r.user_id = e.user_id AND r.course_id = e.course_id AND r.score_scaled IS NOT NULL) AS score_scaled,
       (SELECT coalesce(sum(t.total_time_seconds), 0) FROM tracking_attempts t WHERE t.user_id = e.user_id AND t.course_id = e.course_id AND NOT t.preview) AS total_time,
       (SELECT max(r.last_activity_at) FROM activity_results r WHERE r.user_id = e.user_id AND r.course_id = e.course_id) AS last_activity_at
     FROM enrolments e JOIN users u ON u.id = e.user_id JOIN courses c ON c.id = e.course_id
     LEFT JOIN units un ON un.id = u.unit_id LEFT JOIN cohorts co ON co.id = e.cohort_id
     CROSS JOIN LATERAL (SELECT count(*)::int AS counted, count(*) FILTER (WHERE ${DONE_SQL})::int AS done
                           FROM course_activities a WHERE a.course_id = c.id AND ${COUNTED_SQL}) k
    WHERE ${where}`;
}

function toRow(r: Row): TCourseProgressRow {
  return {
    enrolmentId: r.enrolment_id,
    enrolmentStatus: r.enrolment_status,
    user: { id: r.user_id, name: r.name, nip: r.nip, unit: r.unit_name ?? null },
    cohort: r.cohort_id ? { id: r.cohort_id, name: r.cohort_name } : null,
    percent: Number(r.percent),
    doneActivities: Number(r.done),
    countedActivities: Number(r.counted),
    scoreScaled: r.score_scaled === null ? null : Math.round(Number(r.score_scaled) * 10000) / 10000,
    totalTimeSeconds: Math.round(Number(r.total_time ?? 0)),
    lastActivityAt: iso(r.last_activity_at),
    completedAt: iso(r.completed_at),
  };
}

function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The learner's current enrolment in course $1 (`user` is the learner's id in SQL). */
const MY_ENROLMENT = (user: string) =>
  `e.id = (SELECT id FROM enrolments WHERE course_id = $1 AND user_id = ${user} AND status IN ('approved', 'active', 'completed') ORDER BY requested_at DESC LIMIT 1)`;

/**
 * One row per (enrolment, activity) of the enrolments matching `where` (on `e`), and one row with
 * a null activity for an enrolment whose course has none yet.
 */
function progressSql(where: string): string {
  return `SELECT e.id AS enrolment_id, s.position AS section_position, a.position AS activity_position, e.course_id, e.status AS enrolment_status, e.completed_at, a.id AS activity_id, a.type, ${COUNTED_SQL} AS counted,
              ${DONE_SQL} AS done, r.status, r.score_scaled, r.score_raw, r.attempts, r.last_activity_at,
              (SELECT t.status IN ('incomplete', 'not_started') FROM tracking_attempts t WHERE t.user_id = e.user_id AND t.activity_id = a.id AND NOT t.preview
                ORDER BY t.attempt_number DESC LIMIT 1) AS resumable
         FROM enrolments e JOIN courses c ON c.id = e.course_id
         LEFT JOIN (course_activities a JOIN course_sections s ON s.id = a.section_id) ON a.course_id = c.id
         LEFT JOIN activity_results r ON r.user_id = e.user_id AND r.activity_id = a.id
        WHERE ${where}
        ORDER BY e.id, s.position, a.position`;
}

/** The rows of progressSql, per enrolment (in the rows' order). */
function toProgress(rows: Row[]): TCourseProgress[] {
  const byEnrolment = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byEnrolment.get(r.enrolment_id);
    if (list) list.push(r);
    else byEnrolment.set(r.enrolment_id, [r]);
  }
  return [...byEnrolment.values()].map((all) => {
    const e = all[0]!;
    const list = all.filter((r) => r.activity_id !== null);
    const activities: TActivityProgress[] = list.map((r) => ({
      activityId: r.activity_id,
      status: activityStatus(r),
      scoreScaled: num(r.score_scaled),
      scoreRaw: num(r.score_raw),
      attempts: Number(r.attempts ?? 0),
      lastActivityAt: iso(r.last_activity_at),
      resumable: r.resumable === true,
      required: r.counted === true,
    }));
    const counted = list.filter((r) => r.counted);
    const done = counted.filter((r) => r.done).length;
    const percent = e.enrolment_status === 'completed' ? 100 : counted.length ? Math.floor((done / counted.length) * 100) : 0;
    const resume = activities.find((a) => a.resumable) ?? activities.find((a) => a.status !== 'completed' && a.status !== 'passed');
    return {
      courseId: e.course_id,
      enrolmentId: e.enrolment_id,
      status: e.enrolment_status as TEnrolmentStatus,
      percent,
      completedAt: iso(e.completed_at),
      activities,
      resumeActivityId: resume?.activityId ?? null,
    };
  });
}
