import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  TAttendanceQuery,
  TAttendanceSheet,
  TCheckInCode,
  TCheckInResult,
  TClassroomSession,
  TClassroomSessionList,
  TMySession,
  TMySessionQuery,
  TSetAttendanceRequest,
  TUpdateSessionRequest,
} from '@asah/contracts/classroom';
import { CHECK_IN_CODE_SECONDS, CHECK_IN_PATH, ZCreateSessionRequest } from '@asah/contracts/classroom';
import type { TPage } from '@asah/contracts/common';
import { JP_TIME_ZONE } from '@asah/contracts/jp-ledger';
import { Actor, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { Params } from '../../common/db/sql';
import { likePattern } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Cohort } from '../cohorts/cohort.entity';
import { CourseAccessService } from '../courses/course-access.service';
import { CourseActivity } from '../courses/course-activity.entity';
import { canEdit } from '../courses/course-rules';
import { Course } from '../courses/course.entity';
import { EnrolmentsService } from '../enrolments/enrolments.service';
import { JpLedgerService } from '../jp/jp-ledger.service';
import { checkInCode, checkInWindow, codeSlot, isValidCode } from './check-in-code';
import { ClassroomSession } from './classroom-session.entity';

type CreateInput = ReturnType<typeof ZCreateSessionRequest.parse>;

/** What the actor may do with a session (404 before any of this when they may not see it). */
interface SessionReach {
  session: ClassroomSession;
  course: Course;
  cohort: Cohort | null;
  edit: boolean;
  takeAttendance: boolean;
  /** Sees every expected learner (platform admins, the cohort's instructors); else their agency's. */
  seesEveryone: boolean;
  agencyId: string | null;
}

/** Seat-holding enrolments: who a session expects. */
const PLACED = `('approved', 'active', 'completed')`;

/**
 * Classroom sessions, attendance and QR check-in. A session expects the learners with a place in its
 * cohort (or in the course, for a session without cohort). Marking someone present credits the
 * session's JP once and starts their enrolment; removing the mark takes the JP back.
 */
@Injectable()
export class ClassroomService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly courses: CourseAccessService,
    private readonly enrolments: EnrolmentsService,
    private readonly ledger: JpLedgerService,
  ) {}

  async list(actor: Actor, courseId: string, activityId: string, cohortId: string | undefined): Promise<TClassroomSessionList> {
    const { course, access } = await this.courses.readable(actor, courseId);
    await this.classroomActivity(course.id, activityId);
    const p = new Params();
    const where = [`s.activity_id = ${p.add(activityId)}`];
    if (!isPlatformAdmin(actor)) where.push(`(h.id IS NULL OR h.agency_id IS NULL OR h.agency_id = ${p.add(actor.agencyId)})`);
    if (cohortId) where.push(`s.cohort_id = ${p.add(cohortId)}`);
    const ids: { id: string }[] = await this.db.query(
      `SELECT s.id FROM classroom_sessions s LEFT JOIN cohorts h ON h.id = s.cohort_id WHERE ${where.join(' AND ')} ORDER BY s.starts_at, s.id`,
      p.values,
    );
    const items: TClassroomSession[] = [];
    for (const { id } of ids) {
      const session = await this.db.manager.findOneByOrFail(ClassroomSession, { id });
      const cohort = session.cohortId ? await this.db.manager.findOneBy(Cohort, { id: session.cohortId }) : null;
      const edit = this.canManage(actor, canEdit(access), cohort);
      const instructs = cohort ? await this.instructs(actor, cohort.id) : false;
      items.push(await this.toDto({ session, course, cohort, edit, takeAttendance: edit || instructs, seesEveryone: isPlatformAdmin(actor) || instructs, agencyId: actor.agencyId }));
    }
    return { items };
  }

  async create(actor: Actor, courseId: string, activityId: string, input: CreateInput): Promise<TClassroomSession> {
    const { course, access } = await this.courses.readable(actor, courseId);
    if (course.status === 'archived') throw new DomainError('COURSE_ARCHIVED', 'The course is archived; un-archive it to plan sessions');
    await this.classroomActivity(course.id, activityId);
    let cohort: Cohort | null = null;
    if (input.cohortId) {
      cohort = await this.db.manager.findOneBy(Cohort, { id: input.cohortId, courseId: course.id });
      if (!cohort || !this.cohortVisible(actor, cohort)) {
        throw new DomainError('VALIDATION_FAILED', 'cohortId: not a cohort of this course', [{ field: 'cohortId', code: 'COHORT_UNKNOWN', message: 'Not a cohort of this course' }]);
      }
    }
    if (!this.canManage(actor, canEdit(access), cohort)) throw new DomainError('FORBIDDEN', "Only the course's editors or the cohort's admins plan sessions");
    const saved = await this.db.getRepository(ClassroomSession).save({
      courseId: course.id,
      activityId,
      cohortId: cohort?.id ?? null,
      title: input.title,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      location: input.location,
      onlineUrl: input.onlineUrl,
      capacity: input.capacity,
      jp: String(input.jp),
      checkinSecret: randomBytes(32).toString('base64url'),
      createdBy: actor.userId,
    });
    return this.get(actor, saved.id);
  }

  async get(actor: Actor, id: string): Promise<TClassroomSession> {
    return this.toDto(await this.reach(this.db.manager, actor, id));
  }

  async update(actor: Actor, id: string, input: TUpdateSessionRequest): Promise<TClassroomSession> {
    const reach = await this.reach(this.db.manager, actor, id);
    if (!reach.edit) throw new DomainError('FORBIDDEN', "Only the course's editors or the cohort's admins change sessions");
    const s = reach.session;
    const startsAt = input.startsAt ? new Date(input.startsAt) : s.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : s.endsAt;
    const location = input.location !== undefined ? input.location : s.location;
    const onlineUrl = input.onlineUrl !== undefined ? input.onlineUrl : s.onlineUrl;
    const problems = [];
    if (endsAt <= startsAt) problems.push({ field: 'endsAt', code: 'BEFORE_START', message: 'The session must end after it starts' });
    if (location === null && onlineUrl === null) problems.push({ field: 'location', code: 'REQUIRED', message: 'Give a place or an online link' });
    if (problems.length) throw new DomainError('VALIDATION_FAILED', `Invalid request: ${problems.map((p) => p.field).join(', ')}`, problems);
    await this.db.getRepository(ClassroomSession).update(
      { id },
      {
        title: input.title ?? s.title,
        startsAt,
        endsAt,
        location,
        onlineUrl,
        capacity: input.capacity !== undefined ? input.capacity : s.capacity,
        jp: input.jp !== undefined ? String(input.jp) : s.jp,
      },
    );
    return this.get(actor, id);
  }

  /** Only a session nobody attended (SESSION_HAS_ATTENDANCE otherwise: those records earned JP). */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const reach = await this.reach(tx, actor, id);
      if (!reach.edit) throw new DomainError('FORBIDDEN', "Only the course's editors or the cohort's admins delete sessions");
      await tx.query('SELECT 1 FROM classroom_sessions WHERE id = $1 FOR UPDATE', [id]);
      const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM session_attendance WHERE session_id = $1', [id]);
      if (n > 0) throw new DomainError('SESSION_HAS_ATTENDANCE', `${n} learners attended this session; it cannot be deleted`, { attended: n });
      await tx.delete(ClassroomSession, { id });
    });
  }

  async sheet(actor: Actor, id: string, query: TAttendanceQuery): Promise<TAttendanceSheet> {
    const reach = await this.reach(this.db.manager, actor, id);
    if (!reach.takeAttendance) throw new DomainError('FORBIDDEN', "Only the session's instructors and admins take attendance");
    const p = new Params();
    const where = this.expectedWhere(reach, p);
    if (query.q) where.push(`(u.name ILIKE ${p.add(likePattern(query.q))} OR u.nip LIKE ${p.add(likePattern(query.q.replace(/\s/g, '')))})`);
    if (query.absentOnly) where.push('a.user_id IS NULL');
    const from = `FROM enrolments e JOIN users u ON u.id = e.user_id LEFT JOIN session_attendance a ON a.session_id = ${p.add(id)} AND a.user_id = e.user_id WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, p.values);
    const rows: { user_id: string; enrolment_id: string; name: string; nip: string | null; method: 'instructor' | 'qr' | null; recorded_at: Date | null }[] = await this.db.query(
      `SELECT e.user_id, e.id AS enrolment_id, u.name, u.nip, a.method, a.recorded_at ${from}
        ORDER BY u.name, u.id LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`,
      p.values,
    );
    return {
      session: await this.toDto(reach),
      items: rows.map((r) => ({
        userId: r.user_id,
        enrolmentId: r.enrolment_id,
        name: r.name,
        nip: r.nip,
        present: r.method !== null,
        method: r.method,
        recordedAt: r.recorded_at?.toISOString() ?? null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Checkbox changes from the instructor; all or nothing when someone listed is not expected. */
  async setAttendance(actor: Actor, id: string, input: TSetAttendanceRequest): Promise<TAttendanceSheet> {
    await this.db.transaction(async (tx) => {
      const reach = await this.reach(tx, actor, id);
      if (!reach.takeAttendance) throw new DomainError('FORBIDDEN', "Only the session's instructors and admins take attendance");
      await tx.query('SELECT 1 FROM classroom_sessions WHERE id = $1 FOR UPDATE', [id]);
      const p = new Params();
      const where = this.expectedWhere(reach, p);
      where.push(`e.user_id = ANY(${p.add(input.entries.map((x) => x.userId))})`);
      const expected: { user_id: string; id: string }[] = await tx.query(`SELECT e.user_id, e.id FROM enrolments e JOIN users u ON u.id = e.user_id WHERE ${where.join(' AND ')}`, p.values);
      const enrolmentOf = new Map(expected.map((r) => [r.user_id, r.id]));
      const problems = input.entries.flatMap((x, i) =>
        enrolmentOf.has(x.userId) ? [] : [{ field: `entries.${i}.userId`, code: 'NOT_EXPECTED', message: 'This person has no place in this session' }],
      );
      if (problems.length) throw new DomainError('VALIDATION_FAILED', `Invalid request: ${problems.map((x) => x.field).join(', ')}`, problems);
      for (const entry of input.entries) {
        if (entry.present) await this.markPresent(tx, reach, entry.userId, enrolmentOf.get(entry.userId)!, 'instructor', actor.userId);
        else await this.markAbsent(tx, reach.session, entry.userId);
      }
    });
    return this.sheet(actor, id, { page: 1, pageSize: 200 });
  }

  async code(actor: Actor, id: string): Promise<TCheckInCode> {
    const reach = await this.reach(this.db.manager, actor, id);
    if (!reach.takeAttendance) throw new DomainError('FORBIDDEN', "Only the session's instructors and admins show the check-in code");
    const now = new Date();
    const { opensAt, closesAt } = checkInWindow(reach.session);
    if (now < opensAt || now > closesAt) throw closed(opensAt, closesAt);
    const secret = await this.secret(this.db.manager, id);
    const slot = codeSlot(now);
    const code = checkInCode(secret, id, slot);
    const base = (this.config.env.PUBLIC_URL ?? `http://localhost:${this.config.env.PORT}`).replace(/\/+$/, '');
    return {
      sessionId: id,
      code,
      url: `${base}${CHECK_IN_PATH}/${id}?kode=${code}`,
      expiresAt: new Date((slot + 1) * CHECK_IN_CODE_SECONDS * 1000).toISOString(),
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    };
  }

  /** The learner scanned the session's QR code: present, if they have a place, the window is open and the code is current. */
  async checkIn(actor: Actor, id: string, code: string): Promise<TCheckInResult> {
    scopeAgency(actor, undefined);
    return this.db.transaction(async (tx) => {
      const session = await tx.findOneBy(ClassroomSession, { id });
      const enrolmentId = session ? await this.placeOf(tx, session, actor.userId) : null;
      if (!session || !enrolmentId) throw notFound('Session');
      const now = new Date();
      const { opensAt, closesAt } = checkInWindow(session);
      if (now < opensAt || now > closesAt) throw closed(opensAt, closesAt);
      if (!isValidCode(await this.secret(tx, id), id, code, now)) {
        throw new DomainError('CHECK_IN_CODE_INVALID', 'The code is wrong or has expired; scan the code on the screen again', [
          { field: 'code', code: 'CHECK_IN_CODE_INVALID', message: 'Wrong or expired code' },
        ]);
      }
      await tx.query('SELECT 1 FROM classroom_sessions WHERE id = $1 FOR UPDATE', [id]);
      const course = await tx.findOneByOrFail(Course, { id: session.courseId });
      const recorded = await this.markPresent(tx, { session, course }, actor.userId, enrolmentId, 'qr', actor.userId);
      return { sessionId: id, title: session.title, present: true, method: recorded.method, recordedAt: recorded.recordedAt.toISOString() };
    });
  }

  async mine(actor: Actor, query: TMySessionQuery): Promise<TPage<TMySession>> {
    const p = new Params();
    const me = p.add(actor.userId);
    const where = [
      `e.user_id = ${me}`,
      `e.status IN ${PLACED}`,
      '(s.cohort_id IS NULL OR s.cohort_id = e.cohort_id)',
      `s.ends_at >= (${p.add(query.from ?? jakartaDay())}::date)::timestamp AT TIME ZONE '${JP_TIME_ZONE}'`,
    ];
    if (query.to) where.push(`s.starts_at < (${p.add(query.to)}::date + 1)::timestamp AT TIME ZONE '${JP_TIME_ZONE}'`);
    if (query.q) where.push(`(s.title ILIKE ${p.add(likePattern(query.q))} OR c.title ILIKE ${p.add(likePattern(query.q))})`);
    const from = `FROM classroom_sessions s JOIN enrolments e ON e.course_id = s.course_id JOIN courses c ON c.id = s.course_id LEFT JOIN cohorts h ON h.id = s.cohort_id
      WHERE ${where.join(' AND ')}`;
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${from}`, p.values);
    const rows = await this.db.query(
      `SELECT s.id, s.title, s.starts_at, s.ends_at, s.location, s.online_url, s.jp, c.id AS course_id, c.code, c.title AS course_title, c.jp AS course_jp,
              c.cover_image_key, c.delivery_mode, c.category, h.id AS cohort_id, h.name AS cohort_name, h.starts_on::text AS cohort_starts_on, h.ends_on::text AS cohort_ends_on,
              EXISTS (SELECT 1 FROM session_attendance a WHERE a.session_id = s.id AND a.user_id = ${me}) AS present
         ${from} ORDER BY s.starts_at, s.id LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`,
      p.values,
    );
    return {
      items: rows.map((r: Record<string, any>) => ({
        id: r.id,
        title: r.title,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
        location: r.location,
        onlineUrl: r.online_url,
        jp: Number(r.jp),
        course: { id: r.course_id, code: r.code, title: r.course_title, jp: Number(r.course_jp), coverImageKey: r.cover_image_key, deliveryMode: r.delivery_mode, category: r.category },
        cohort: r.cohort_id ? { id: r.cohort_id, name: r.cohort_name, startsOn: r.cohort_starts_on, endsOn: r.cohort_ends_on } : null,
        present: r.present,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * Whether a classroom activity is complete for a learner: they attended every session of it meant
   * for them (their cohort's and those without cohort), and there is at least one. For the course
   * completion rules of the learning runtime.
   */
  async activityCompleted(activityId: string, userId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const [row] = await manager.query(
      `WITH mine AS (
         SELECT s.id FROM classroom_sessions s JOIN enrolments e ON e.course_id = s.course_id AND e.user_id = $2 AND e.status IN ${PLACED}
          WHERE s.activity_id = $1 AND (s.cohort_id IS NULL OR s.cohort_id = e.cohort_id))
       SELECT count(*)::int AS sessions, count(a.session_id)::int AS attended
         FROM mine LEFT JOIN session_attendance a ON a.session_id = mine.id AND a.user_id = $2`,
      [activityId, userId],
    );
    return row.sessions > 0 && row.attended === row.sessions;
  }

  private async markPresent(
    tx: EntityManager,
    reach: Pick<SessionReach, 'session' | 'course'>,
    userId: string,
    enrolmentId: string,
    method: 'instructor' | 'qr',
    recordedBy: string,
  ): Promise<{ method: 'instructor' | 'qr'; recordedAt: Date }> {
    await tx.query(
      `INSERT INTO session_attendance (session_id, user_id, enrolment_id, method, recorded_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT pk_session_attendance DO NOTHING`,
      [reach.session.id, userId, enrolmentId, method, recordedBy],
    );
    const [row] = await tx.query('SELECT method, recorded_at FROM session_attendance WHERE session_id = $1 AND user_id = $2', [reach.session.id, userId]);
    await this.enrolments.markStarted(enrolmentId, reach.session.startsAt, tx);
    if (Number(reach.session.jp) > 0) {
      await this.ledger.credit(tx, {
        userId,
        jp: reach.session.jp,
        sourceType: 'classroom_session',
        sourceId: reach.session.id,
        description: `${reach.course.code} · ${reach.session.title}`,
        occurredOn: jakartaDay(reach.session.startsAt),
      });
    }
    return { method: row.method, recordedAt: row.recorded_at };
  }

  private async markAbsent(tx: EntityManager, session: ClassroomSession, userId: string): Promise<void> {
    await tx.query('DELETE FROM session_attendance WHERE session_id = $1 AND user_id = $2', [session.id, userId]);
    await this.ledger.revoke(tx, 'classroom_session', session.id, userId);
  }

  /** Who the session expects, within what the actor may see. */
  private expectedWhere(reach: SessionReach, p: Params): string[] {
    const where = [`e.course_id = ${p.add(reach.session.courseId)}`, `e.status IN ${PLACED}`];
    if (reach.session.cohortId) where.push(`e.cohort_id = ${p.add(reach.session.cohortId)}`);
    return where.concat(reach.seesEveryone ? [] : [`u.agency_id = ${p.add(reach.agencyId)}`]);
  }

  private async placeOf(manager: EntityManager, session: ClassroomSession, userId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT id FROM enrolments WHERE course_id = $1 AND user_id = $2 AND status IN ${PLACED} AND ($3::uuid IS NULL OR cohort_id = $3)`,
      [session.courseId, userId, session.cohortId],
    );
    return row?.id ?? null;
  }

  private async reach(manager: EntityManager, actor: Actor, id: string): Promise<SessionReach> {
    const session = await manager.findOneBy(ClassroomSession, { id });
    if (!session) throw notFound('Session');
    const cohort = session.cohortId ? await manager.findOneBy(Cohort, { id: session.cohortId }) : null;
    const instructs = cohort ? await this.instructs(actor, cohort.id, manager) : false;
    if (instructs) {
      const course = await manager.findOneByOrFail(Course, { id: session.courseId });
      return { session, course, cohort, edit: this.canManage(actor, false, cohort), takeAttendance: true, seesEveryone: true, agencyId: actor.agencyId };
    }
    const { course, access } = await this.courses.readable(actor, session.courseId, manager);
    if (cohort && !this.cohortVisible(actor, cohort)) throw notFound('Session');
    const edit = this.canManage(actor, canEdit(access), cohort);
    return { session, course, cohort, edit, takeAttendance: edit, seesEveryone: isPlatformAdmin(actor), agencyId: actor.agencyId };
  }

  /** The course's editors manage its sessions; admins of a cohort's agency manage that cohort's sessions. */
  private canManage(actor: Actor, editsCourse: boolean, cohort: Cohort | null): boolean {
    if (editsCourse) return true;
    return cohort !== null && cohort.agencyId !== null && cohort.agencyId === actor.agencyId && actor.roles.includes('agency_admin');
  }

  private cohortVisible(actor: Actor, cohort: Cohort): boolean {
    return isPlatformAdmin(actor) || cohort.agencyId === null || cohort.agencyId === actor.agencyId;
  }

  private async instructs(actor: Actor, cohortId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    if (!actor.roles.includes('instructor')) return false;
    const [row] = await manager.query('SELECT 1 FROM cohort_instructors WHERE cohort_id = $1 AND user_id = $2', [cohortId, actor.userId]);
    return Boolean(row);
  }

  private async classroomActivity(courseId: string, activityId: string): Promise<CourseActivity> {
    const activity = await this.db.manager.findOneBy(CourseActivity, { id: activityId, courseId });
    if (!activity) throw notFound('Activity');
    if (activity.type !== 'classroom') {
      throw new DomainError('ACTIVITY_TYPE_MISMATCH', `This is a ${activity.type} activity; sessions belong to classroom activities`, { type: activity.type, expected: ['classroom'] });
    }
    return activity;
  }

  private async secret(manager: EntityManager, id: string): Promise<string> {
    const [row] = await manager.query('SELECT checkin_secret FROM classroom_sessions WHERE id = $1', [id]);
    return row.checkin_secret;
  }

  private async toDto(r: SessionReach): Promise<TClassroomSession> {
    const s = r.session;
    const p = new Params();
    const where = this.expectedWhere(r, p);
    const [counts] = await this.db.query(
      `SELECT count(*)::int AS expected, count(a.user_id)::int AS present
         FROM enrolments e JOIN users u ON u.id = e.user_id LEFT JOIN session_attendance a ON a.session_id = ${p.add(s.id)} AND a.user_id = e.user_id
        WHERE ${where.join(' AND ')}`,
      p.values,
    );
    return {
      id: s.id,
      courseId: s.courseId,
      activityId: s.activityId,
      cohortId: s.cohortId,
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      location: s.location,
      onlineUrl: s.onlineUrl,
      capacity: s.capacity,
      jp: Number(s.jp),
      expectedCount: counts.expected,
      presentCount: counts.present,
      createdAt: s.createdAt.toISOString(),
      updatedAt: s.updatedAt.toISOString(),
      can: { edit: r.edit, takeAttendance: r.takeAttendance },
    };
  }
}

function closed(opensAt: Date, closesAt: Date): DomainError {
  return new DomainError('CHECK_IN_CLOSED', `Check-in is open from ${opensAt.toISOString()} to ${closesAt.toISOString()}`, {
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
  });
}
