import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TCatalogueCohort, TCatalogueCourse, TCatalogueEnrolment, TCatalogueItem, TCataloguePage, TCatalogueQuery } from '@asah/contracts/catalogue';
import type { TEnrolmentPolicy, TEnrolmentStatus } from '@asah/contracts/enrolments';
import { CURRENT_STATUSES } from '@asah/contracts/enrolments';
import { JP_TIME_ZONE } from '@asah/contracts/jp-ledger';
import type { TCourseCategory, TCourseCompetency, TDeliveryMode } from '@asah/contracts/courses';
import { Actor, scopeAgency } from '../../common/auth/actor';
import { Params } from '../../common/db/sql';
import { likePattern } from '../../common/db/unique-violation';
import { notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { cohortState, seatsLeft } from '../cohorts/cohort-state';
import { CohortRecord, loadCohorts } from '../cohorts/cohort-view';
import { loadSections } from '../courses/course-view';

interface CourseRecord {
  id: string;
  agency_id: string | null;
  code: string;
  title: string;
  description: string;
  cover_image_key: string | null;
  category: TCourseCategory;
  delivery_mode: TDeliveryMode;
  jp: string;
  competencies: TCourseCompetency[];
  enrolment_policy: TEnrolmentPolicy;
  deadline_days: number | null;
  has_cohorts: boolean;
}

const SORTS: Record<TCatalogueQuery['sort'], string> = {
  title: 'c.title ASC, c.id',
  newest: 'c.created_at DESC, c.id',
  jp: 'c.jp DESC, c.title ASC, c.id',
  startsOn: 'next_start ASC NULLS LAST, c.title ASC, c.id',
};

/**
 * Katalog Pelatihan: published courses of the learner's agency and platform-wide ones, filtered and
 * paginated in SQL; cohorts, seats and the learner's own enrolment are read for the page only.
 */
@Injectable()
export class CatalogueService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, query: TCatalogueQuery): Promise<TCataloguePage> {
    const agencyId = scopeAgency(actor, undefined)!;
    const today = jakartaDay();
    const p = new Params();
    const agency = p.add(agencyId);
    const where = [`c.status = 'published'`, `(c.agency_id IS NULL OR c.agency_id = ${agency})`];
    if (query.q) {
      const q = p.add(likePattern(query.q));
      where.push(`(c.title ILIKE ${q} OR c.code ILIKE ${q} OR c.description ILIKE ${q})`);
    }
    if (query.category) where.push(`c.category = ${p.add(query.category)}`);
    if (query.deliveryMode) where.push(`c.delivery_mode = ${p.add(query.deliveryMode)}`);
    if (query.jpMin !== undefined) where.push(`c.jp >= ${p.add(query.jpMin)}`);
    if (query.jpMax !== undefined) where.push(`c.jp <= ${p.add(query.jpMax)}`);
    if (query.competency) where.push(`EXISTS (SELECT 1 FROM jsonb_array_elements(c.competencies) x WHERE upper(x->>'code') = upper(${p.add(query.competency)}))`);
    if (query.scope === 'agency') where.push('c.agency_id IS NOT NULL');
    if (query.scope === 'platform') where.push('c.agency_id IS NULL');
    const upcoming = `FROM cohorts h WHERE h.course_id = c.id AND (h.agency_id IS NULL OR h.agency_id = ${agency}) AND h.starts_on >= ${TODAY_SQL}`;
    if (query.upcomingCohorts === true) where.push(`EXISTS (SELECT 1 ${upcoming})`);
    if (query.upcomingCohorts === false) where.push(`NOT EXISTS (SELECT 1 ${upcoming})`);
    const sql = where.join(' AND ');

    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM courses c WHERE ${sql}`, p.values);
    const rows: CourseRecord[] = await this.db.query(
      `SELECT ${courseColumns(agency)}, (SELECT min(h.starts_on) ${upcoming}) AS next_start
         FROM courses c LEFT JOIN course_enrolment_settings s ON s.course_id = c.id
        WHERE ${sql} ORDER BY ${SORTS[query.sort]} LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`,
      p.values,
    );
    const ids = rows.map((r) => r.id);
    const [cohorts, mine] = await Promise.all([this.cohorts(ids, agencyId, today), this.myEnrolments(actor.userId, ids)]);
    const now = new Date();
    const items = rows.map((r) => toItem(r, cohorts.filter((h) => h.courseId === r.id), mine.get(r.id) ?? null, now, today));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, courseId: string): Promise<TCatalogueCourse> {
    const agencyId = scopeAgency(actor, undefined)!;
    const today = jakartaDay();
    const [row]: CourseRecord[] = await this.db.query(
      `SELECT ${courseColumns('$2')} FROM courses c LEFT JOIN course_enrolment_settings s ON s.course_id = c.id
        WHERE c.id = $1 AND c.status = 'published' AND (c.agency_id IS NULL OR c.agency_id = $2)`,
      [courseId, agencyId],
    );
    if (!row) throw notFound('Course');
    const [cohorts, mine, sections] = await Promise.all([
      this.cohorts([row.id], agencyId, today),
      this.myEnrolments(actor.userId, [row.id]),
      loadSections(this.db.manager, row.id),
    ]);
    const now = new Date();
    return {
      ...toItem(row, cohorts, mine.get(row.id) ?? null, now, today),
      sections: sections
        .filter((s) => s.activities.length > 0)
        .map((s) => ({ id: s.id, title: s.title, description: s.description, activities: s.activities.map((a) => ({ id: a.id, type: a.type, title: a.title, required: a.required })) })),
      cohorts: cohorts.map((h) => toCatalogueCohort(h, now, today)),
      deadlineDays: row.deadline_days,
    };
  }

  private cohorts(courseIds: string[], agencyId: string, today: string): Promise<CohortRecord[]> {
    return courseIds.length ? loadCohorts(this.db.manager, { courseIds, openTo: agencyId, notEndedBy: today }) : Promise.resolve([]);
  }

  /** The learner's enrolment under way or completed per course (at most one, by a unique index). */
  private async myEnrolments(userId: string, courseIds: string[]): Promise<Map<string, TCatalogueEnrolment>> {
    if (!courseIds.length) return new Map();
    const rows: { id: string; course_id: string; cohort_id: string | null; status: TEnrolmentStatus; waitlist_position: number | null }[] = await this.db.query(
      `SELECT e.id, e.course_id, e.cohort_id, e.status,
              CASE WHEN e.status = 'waitlisted' THEN (SELECT count(*)::int FROM enrolments w WHERE w.cohort_id = e.cohort_id AND w.status = 'waitlisted'
                                                        AND (w.requested_at, w.id) <= (e.requested_at, e.id)) END AS waitlist_position
         FROM enrolments e WHERE e.user_id = $1 AND e.course_id = ANY($2) AND e.status = ANY($3)`,
      [userId, courseIds, [...CURRENT_STATUSES, 'completed']],
    );
    return new Map(rows.map((r) => [r.course_id, { id: r.id, cohortId: r.cohort_id, status: r.status, waitlistPosition: r.waitlist_position }]));
  }
}

/** Today in Asia/Jakarta, computed by the database like every other date comparison of the query. */
const TODAY_SQL = `(now() AT TIME ZONE '${JP_TIME_ZONE}')::date`;

const courseColumns = (agency: string) => `c.id, c.agency_id, c.code, c.title, c.description, c.cover_image_key, c.category, c.delivery_mode, c.jp, c.competencies,
  coalesce(s.enrolment_policy, 'self') AS enrolment_policy, s.deadline_days,
  EXISTS (SELECT 1 FROM cohorts hc WHERE hc.course_id = c.id AND (hc.agency_id IS NULL OR hc.agency_id = ${agency})) AS has_cohorts`;

function toCatalogueCohort(h: CohortRecord, now: Date, today: string): TCatalogueCohort {
  return {
    id: h.id,
    name: h.name,
    startsOn: h.startsOn,
    endsOn: h.endsOn,
    deadline: h.deadline,
    enrolmentOpensAt: h.enrolmentOpensAt?.toISOString() ?? null,
    enrolmentClosesAt: h.enrolmentClosesAt?.toISOString() ?? null,
    capacity: h.capacity,
    seatsLeft: seatsLeft(h.capacity, h.seatsTaken),
    waitlistEnabled: h.waitlistEnabled,
    waitlistCount: h.waitlistCount,
    enrolmentPolicy: h.enrolmentPolicy ?? h.coursePolicy,
    state: cohortState(h, h.seatsTaken, now, today),
    instructors: h.instructors.map((i) => ({ id: i.id, name: i.name })),
  };
}

function toItem(r: CourseRecord, cohorts: CohortRecord[], mine: TCatalogueEnrolment | null, now: Date, today: string): TCatalogueItem {
  const joinable = cohorts.filter((h) => cohortState(h, h.seatsTaken, now, today) !== 'closed');
  const next = joinable[0] ?? null;
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    description: r.description,
    coverImageKey: r.cover_image_key,
    category: r.category,
    deliveryMode: r.delivery_mode,
    jp: Number(r.jp),
    competencies: r.competencies,
    platformWide: r.agency_id === null,
    enrolmentPolicy: r.enrolment_policy,
    hasCohorts: r.has_cohorts,
    nextCohort: next ? { id: next.id, name: next.name, startsOn: next.startsOn, endsOn: next.endsOn, state: cohortState(next, next.seatsTaken, now, today) } : null,
    upcomingCohortCount: cohorts.filter((h) => h.startsOn >= today).length,
    myEnrolment: mine,
  };
}
