import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { TPage } from '@asah/contracts/common';
import type {
  TCourseDetail,
  TCourseInstructorList,
  TCourseListQuery,
  TCourseOutline,
  TCourseSummary,
  TSetInstructorsRequest,
  TUpdateCourseRequest,
  ZCreateCourseRequest,
} from '@asah/contracts/courses';
import type { TFieldError } from '@asah/contracts/errors';
import { Actor, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { likePattern, uniqueViolation } from '../../common/db/unique-violation';
import { DomainError } from '../../common/errors/domain-error';
import { resolveAgency } from '../agencies/agency-scope';
import { User } from '../users/user.entity';
import { CourseAccessService } from './course-access.service';
import { CourseActivity } from './course-activity.entity';
import { CourseInstructor } from './course-instructor.entity';
import { Course } from './course.entity';
import { toCourseDto } from './course.mapper';
import { courseAccess, publishProblems } from './course-rules';
import { loadDetail, loadInstructors, loadSections, toOutline } from './course-view';

type CreateInput = ReturnType<typeof ZCreateCourseRequest.parse>;

const CODE_INDEXES = ['uq_courses_agency_code', 'uq_courses_platform_code'];
const codeTaken = () =>
  new DomainError('CODE_TAKEN', 'This course code is already used', [{ field: 'code', code: 'CODE_TAKEN', message: 'This course code is already used' }]);

const SORTS: Record<TCourseListQuery['sort'], [string, 'ASC' | 'DESC']> = {
  updatedAt: ['c.updatedAt', 'DESC'],
  title: ['c.title', 'ASC'],
  code: ['c.code', 'ASC'],
};

/** Throws COURSE_NOT_PUBLISHABLE when a published course would stop meeting the publishing rules. */
export async function assertStillPublishable(tx: EntityManager, course: Course): Promise<void> {
  if (course.status !== 'published') return;
  const activities = await tx.find(CourseActivity, { where: { courseId: course.id }, select: { id: true, required: true } });
  const problems = publishProblems(course, activities);
  if (problems.length) throw new DomainError('COURSE_NOT_PUBLISHABLE', 'A published course must keep meeting the publishing rules', problems);
}

/** Courses: list, read, create, edit, lifecycle (publish, archive, un-archive, delete) and instructors. */
@Injectable()
export class CoursesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CourseAccessService,
  ) {}

  async list(actor: Actor, query: TCourseListQuery): Promise<TPage<TCourseSummary>> {
    const qb = this.db.getRepository(Course).createQueryBuilder('c');
    if (!isPlatformAdmin(actor)) {
      const own = scopeAgency(actor, undefined);
      if (actor.roles.includes('agency_admin')) {
        qb.andWhere('(c.agencyId = :own OR c.agencyId IS NULL)', { own });
      } else {
        qb.andWhere(
          `(c.agencyId IS NULL OR (c.agencyId = :own AND EXISTS (
             SELECT 1 FROM course_instructors ci WHERE ci.course_id = c.id AND ci.user_id = :me)))`,
          { own, me: actor.userId },
        );
      }
    }
    if (query.agencyId) qb.andWhere('c.agencyId = :agencyId', { agencyId: scopeAgency(actor, query.agencyId) });
    if (query.platformWide !== undefined) qb.andWhere(query.platformWide ? 'c.agencyId IS NULL' : 'c.agencyId IS NOT NULL');
    if (query.q) qb.andWhere('(c.title ILIKE :q OR c.code ILIKE :q)', { q: likePattern(query.q) });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.category) qb.andWhere('c.category = :category', { category: query.category });
    if (query.deliveryMode) qb.andWhere('c.deliveryMode = :deliveryMode', { deliveryMode: query.deliveryMode });
    const [column, direction] = SORTS[query.sort];
    qb.orderBy(column, direction).addOrderBy('c.id', 'ASC').skip((query.page - 1) * query.pageSize).take(query.pageSize);

    const [courses, total] = await qb.getManyAndCount();
    const counts = await this.counts(courses.map((c) => c.id));
    // Instructors only see their agency's courses they are assigned to, so `assigned` holds for every row.
    const items = courses.map((c) => ({ ...toCourseDto(c, courseAccess(actor, c, true)), ...counts.get(c.id)! }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: string): Promise<TCourseDetail> {
    const { course, access } = await this.access.readable(actor, id);
    return loadDetail(this.db.manager, course, access);
  }

  async outline(actor: Actor, id: string): Promise<TCourseOutline> {
    const { course } = await this.access.readable(actor, id);
    return toOutline(course, await loadSections(this.db.manager, course.id));
  }

  async create(actor: Actor, input: CreateInput): Promise<TCourseDetail> {
    const agencyId = isPlatformAdmin(actor) && !input.agencyId ? null : await resolveAgency(this.db.manager, actor, input.agencyId);
    const id = await this.db.transaction(async (tx) => {
      const course = await this.saveCode(() =>
        tx.getRepository(Course).save({
          agencyId,
          code: input.code,
          title: input.title,
          description: input.description,
          category: input.category,
          deliveryMode: input.deliveryMode,
          jp: String(input.jp),
          competencies: input.competencies,
          completionRule: input.completionRule,
          completionActivityIds: [],
          certificateOnCompletion: input.certificateOnCompletion,
          status: 'draft',
          createdBy: actor.userId,
        }),
      );
      // An instructor who creates a course teaches it; otherwise they could not open it again.
      if (agencyId !== null && agencyId === actor.agencyId && actor.roles.includes('instructor')) {
        await tx.insert(CourseInstructor, { courseId: course.id, userId: actor.userId });
      }
      return course.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: TUpdateCourseRequest): Promise<TCourseDetail> {
    return this.change(actor, id, {}, async (tx, course) => {
      if (input.completionActivityIds) await this.assertOwnActivities(tx, course.id, input.completionActivityIds);
      const { jp, ...rest } = input;
      Object.assign(course, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      if (jp !== undefined) course.jp = String(jp);
      await assertStillPublishable(tx, course);
      await this.saveCode(() => tx.getRepository(Course).save(course));
    });
  }

  async publish(actor: Actor, id: string): Promise<TCourseDetail> {
    return this.change(actor, id, {}, async (tx, course) => {
      if (course.status === 'published') return;
      const activities = await tx.find(CourseActivity, { where: { courseId: course.id }, select: { id: true, required: true } });
      const problems = publishProblems(course, activities);
      if (problems.length) throw new DomainError('COURSE_NOT_PUBLISHABLE', `The course cannot be published: ${problems.map((p) => p.message).join('; ')}`, problems);
      await tx.update(Course, { id: course.id }, { status: 'published' });
    });
  }

  async archive(actor: Actor, id: string): Promise<TCourseDetail> {
    return this.change(actor, id, { need: 'manage' }, (tx, course) => tx.update(Course, { id: course.id }, { status: 'archived' }).then(() => undefined));
  }

  /** Back to draft, so the course is checked again when it is next published. */
  async unarchive(actor: Actor, id: string): Promise<TCourseDetail> {
    return this.change(actor, id, { need: 'manage', allowArchived: true }, async (tx, course) => {
      if (course.status === 'archived') await tx.update(Course, { id: course.id }, { status: 'draft' });
    });
  }

  /** Only drafts: a published or archived course may have learners' records hanging on it. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { course } = await this.access.lockForChange(tx, actor, id, { need: 'manage', allowArchived: true });
      if (course.status !== 'draft') throw new DomainError('COURSE_NOT_DELETABLE', 'Only draft courses can be deleted; archive this one instead');
      // A draft that was published before (archived, then un-archived) may have learners' records.
      const [{ enrolments }] = await tx.query('SELECT count(*)::int AS enrolments FROM enrolments WHERE course_id = $1', [course.id]);
      if (enrolments > 0) throw new DomainError('COURSE_NOT_DELETABLE', 'The course has enrolment records; archive it instead', { enrolments });
      await tx.delete(Course, { id: course.id });
    });
  }

  async instructors(actor: Actor, id: string): Promise<TCourseInstructorList> {
    const { course } = await this.access.readable(actor, id);
    return { items: await loadInstructors(this.db.manager, course.id) };
  }

  /** Replaces the list: each user must be an active instructor of the course's agency. */
  async setInstructors(actor: Actor, id: string, input: TSetInstructorsRequest): Promise<TCourseInstructorList> {
    return this.db.transaction(async (tx) => {
      const { course } = await this.access.lockForChange(tx, actor, id, { need: 'manage' });
      const eligible = course.agencyId === null || input.userIds.length === 0 ? [] : await tx.find(User, { where: { id: In(input.userIds), agencyId: course.agencyId, active: true }, select: { id: true, roles: true } });
      const ok = new Set(eligible.filter((u) => u.roles.includes('instructor')).map((u) => u.id));
      const problems: TFieldError[] = input.userIds.flatMap((userId, i) =>
        ok.has(userId) ? [] : [{ field: `userIds.${i}`, code: 'INSTRUCTOR_INVALID', message: course.agencyId === null ? 'Platform-wide courses have no instructors' : 'Not an active instructor of this course\'s agency' }],
      );
      if (problems.length) throw new DomainError('VALIDATION_FAILED', `Invalid request: ${problems.map((p) => p.field).join(', ')}`, problems);
      await tx.delete(CourseInstructor, { courseId: course.id });
      if (input.userIds.length) await tx.insert(CourseInstructor, input.userIds.map((userId) => ({ courseId: course.id, userId })));
      await this.access.touch(tx, course.id);
      return { items: await loadInstructors(tx, course.id) };
    });
  }

  /** Runs `apply` on the locked course in one transaction and answers the course as it is afterwards. */
  private async change(actor: Actor, id: string, options: Parameters<CourseAccessService['lockForChange']>[3], apply: (tx: EntityManager, course: Course) => Promise<void>): Promise<TCourseDetail> {
    return this.db.transaction(async (tx) => {
      const { course } = await this.access.lockForChange(tx, actor, id, options);
      await apply(tx, course);
      const reloaded = await this.access.readable(actor, id, tx);
      return loadDetail(tx, reloaded.course, reloaded.access);
    });
  }

  private async assertOwnActivities(tx: EntityManager, courseId: string, ids: string[]): Promise<void> {
    const found = ids.length ? await tx.find(CourseActivity, { where: { courseId, id: In(ids) }, select: { id: true } }) : [];
    const own = new Set(found.map((a) => a.id));
    const problems: TFieldError[] = ids.flatMap((activityId, i) =>
      own.has(activityId) ? [] : [{ field: `completionActivityIds.${i}`, code: 'ACTIVITY_UNKNOWN', message: 'This activity is not part of the course' }],
    );
    if (problems.length) throw new DomainError('VALIDATION_FAILED', `Invalid request: ${problems.map((p) => p.field).join(', ')}`, problems);
  }

  private async saveCode<T>(save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (CODE_INDEXES.includes(uniqueViolation(error) ?? '')) throw codeTaken();
      throw error;
    }
  }

  private async counts(ids: string[]): Promise<Map<string, { sectionCount: number; activityCount: number; instructorCount: number }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; sections: number; activities: number; instructors: number }[] = await this.db.query(
      `SELECT c.id,
              (SELECT count(*)::int FROM course_sections s WHERE s.course_id = c.id) AS sections,
              (SELECT count(*)::int FROM course_activities a WHERE a.course_id = c.id) AS activities,
              (SELECT count(*)::int FROM course_instructors i WHERE i.course_id = c.id) AS instructors
         FROM unnest($1::uuid[]) AS c(id)`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, { sectionCount: r.sections, activityCount: r.activities, instructorCount: r.instructors }]));
  }
}
