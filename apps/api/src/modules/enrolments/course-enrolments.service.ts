import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TPage } from '@asah/contracts/common';
import type { TCourseEnrolmentQuery, TCourseEnrolmentSettings, TEnrolmentRow, TUpdateCourseEnrolmentSettingsRequest } from '@asah/contracts/enrolments';
import { Actor, isPlatformAdmin } from '../../common/auth/actor';
import { Params } from '../../common/db/sql';
import { likePattern } from '../../common/db/unique-violation';
import { CourseAccessService } from '../courses/course-access.service';
import { CourseEnrolmentSettings } from './course-enrolment-settings.entity';
import { courseSettings } from './enrolment-context';
import { ENROLMENT_FROM, ENROLMENT_SELECT, EnrolmentRecord, toEnrolmentRow } from './enrolment-view';

const SORTS: Record<TCourseEnrolmentQuery['sort'], string> = {
  name: 'u.name ASC, e.id',
  requestedAt: 'e.requested_at DESC, e.id',
  status: "array_position(ARRAY['requested','waitlisted','approved','active','completed','withdrawn','expired'], e.status), u.name, e.id",
};

/** A course's enrolment settings and its list of enrolments, for admins and the course's instructors. */
@Injectable()
export class CourseEnrolmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly courses: CourseAccessService,
  ) {}

  async settings(actor: Actor, courseId: string): Promise<TCourseEnrolmentSettings> {
    const { course, access } = await this.courses.readable(actor, courseId);
    const s = await courseSettings(this.db.manager, course.id);
    return { courseId: course.id, ...s, can: { edit: access === 'manage' && course.status !== 'archived' } };
  }

  /** Who may change the policy: whoever manages the course (its agency's admins; platform admins). */
  async updateSettings(actor: Actor, courseId: string, input: TUpdateCourseEnrolmentSettingsRequest): Promise<TCourseEnrolmentSettings> {
    await this.db.transaction(async (tx) => {
      const { course } = await this.courses.lockForChange(tx, actor, courseId, { need: 'manage' });
      const current = await courseSettings(tx, course.id);
      await tx.getRepository(CourseEnrolmentSettings).save({
        courseId: course.id,
        enrolmentPolicy: input.enrolmentPolicy ?? current.enrolmentPolicy,
        deadlineDays: input.deadlineDays !== undefined ? input.deadlineDays : current.deadlineDays,
      });
    });
    return this.settings(actor, courseId);
  }

  /**
   * The course's enrolments. Agency admins and instructors see their agency's people only (a
   * platform-wide course has learners of every agency); platform admins see everyone.
   */
  async list(actor: Actor, courseId: string, query: TCourseEnrolmentQuery): Promise<TPage<TEnrolmentRow>> {
    await this.courses.readable(actor, courseId);
    const p = new Params();
    const where = [`e.course_id = ${p.add(courseId)}`];
    if (!isPlatformAdmin(actor)) where.push(`u.agency_id = ${p.add(actor.agencyId)}`);
    if (query.cohortId) where.push(`e.cohort_id = ${p.add(query.cohortId)}`);
    if (query.withoutCohort) where.push('e.cohort_id IS NULL');
    if (query.status) where.push(`e.status = ${p.add(query.status)}`);
    if (query.unitId) {
      const unit = p.add(query.unitId);
      where.push(
        query.includeSubunits
          ? `u.unit_id IN (WITH RECURSIVE sub AS (SELECT id FROM units WHERE id = ${unit} UNION ALL SELECT k.id FROM units k JOIN sub ON k.parent_id = sub.id) SELECT id FROM sub)`
          : `u.unit_id = ${unit}`,
      );
    }
    if (query.q) where.push(`(u.name ILIKE ${p.add(likePattern(query.q))} OR u.nip LIKE ${p.add(likePattern(query.q.replace(/\s/g, '')))})`);
    const sql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total ${ENROLMENT_FROM} WHERE ${sql}`, p.values);
    const rows: EnrolmentRecord[] = await this.db.query(
      `${ENROLMENT_SELECT} WHERE ${sql} ORDER BY ${SORTS[query.sort]} LIMIT ${p.add(query.pageSize)} OFFSET ${p.add((query.page - 1) * query.pageSize)}`,
      p.values,
    );
    return { items: rows.map(toEnrolmentRow), total, page: query.page, pageSize: query.pageSize };
  }
}
