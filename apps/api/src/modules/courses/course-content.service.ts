import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ACTIVITY_SETTINGS_SCHEMAS,
  AVAILABLE_ACTIVITY_TYPES,
  type TActivityType,
  type TCourseActivity,
  type TCourseDetail,
  type TCourseSection,
  type TCourseStructureRequest,
  type TUpdateActivityRequest,
  type TUpdateSectionRequest,
  type ZCreateActivityRequest,
  type ZCreateSectionRequest,
} from '@asah/contracts/courses';
import { Actor } from '../../common/auth/actor';
import { zodFieldErrors } from '../../common/errors/api-exception.filter';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { CourseAccessService } from './course-access.service';
import { CourseActivity } from './course-activity.entity';
import { CourseSection } from './course-section.entity';
import { toActivityDto, toSectionDto } from './course.mapper';
import { structureProblems } from './course-rules';
import { loadDetail, loadSections } from './course-view';
import { assertStillPublishable } from './courses.service';
import { sanitizePageHtml } from './page-html';

type CreateSectionInput = ReturnType<typeof ZCreateSectionRequest.parse>;
type CreateActivityInput = ReturnType<typeof ZCreateActivityRequest.parse>;

/** Stored settings of a type, with page HTML sanitised. */
function cleanSettings(type: TActivityType, settings: Record<string, unknown>): Record<string, unknown> {
  return type === 'page' && typeof settings.html === 'string' ? { ...settings, html: sanitizePageHtml(settings.html) } : settings;
}

/** Sections, activities and their order. Every change locks the course row (see CourseAccessService). */
@Injectable()
export class CourseContentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CourseAccessService,
  ) {}

  async addSection(actor: Actor, courseId: string, input: CreateSectionInput): Promise<TCourseSection> {
    return this.db.transaction(async (tx) => {
      await this.access.lockForChange(tx, actor, courseId);
      const position = await this.nextPosition(tx, 'course_sections', 'course_id', courseId);
      const section = await tx.getRepository(CourseSection).save({ courseId, title: input.title, description: input.description, position });
      await this.access.touch(tx, courseId);
      return toSectionDto(section, []);
    });
  }

  async updateSection(actor: Actor, courseId: string, sectionId: string, input: TUpdateSectionRequest): Promise<TCourseSection> {
    return this.db.transaction(async (tx) => {
      await this.access.lockForChange(tx, actor, courseId);
      const section = await this.findSection(tx, courseId, sectionId);
      if (input.title !== undefined) section.title = input.title;
      if (input.description !== undefined) section.description = input.description;
      await tx.getRepository(CourseSection).save(section);
      await this.access.touch(tx, courseId);
      const activities = await tx.find(CourseActivity, { where: { sectionId }, order: { position: 'ASC', createdAt: 'ASC', id: 'ASC' } });
      return toSectionDto(section, activities);
    });
  }

  /** Only an empty section: deleting its activities with it would silently lose uploaded content. */
  async removeSection(actor: Actor, courseId: string, sectionId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.access.lockForChange(tx, actor, courseId);
      const section = await this.findSection(tx, courseId, sectionId);
      const activities = await tx.countBy(CourseActivity, { sectionId: section.id });
      if (activities > 0) throw new DomainError('SECTION_NOT_EMPTY', 'Move or delete the activities of this section first', { activities });
      await tx.delete(CourseSection, { id: section.id });
      await this.access.touch(tx, courseId);
    });
  }

  async addActivity(actor: Actor, courseId: string, sectionId: string, input: CreateActivityInput): Promise<TCourseActivity> {
    return this.db.transaction(async (tx) => {
      await this.access.lockForChange(tx, actor, courseId);
      if (!(AVAILABLE_ACTIVITY_TYPES as readonly string[]).includes(input.type)) {
        throw new DomainError('ACTIVITY_TYPE_NOT_AVAILABLE', `Activities of type ${input.type} are not available yet`, [
          { field: 'type', code: 'ACTIVITY_TYPE_NOT_AVAILABLE', message: `Activities of type ${input.type} are not available yet` },
        ]);
      }
      const section = await this.findSection(tx, courseId, sectionId);
      const position = await this.nextPosition(tx, 'course_activities', 'section_id', section.id);
      const activity = await tx.getRepository(CourseActivity).save({
        courseId,
        sectionId: section.id,
        type: input.type,
        title: input.title,
        required: input.required,
        position,
        settings: cleanSettings(input.type, input.settings),
      });
      await this.access.touch(tx, courseId);
      return toActivityDto(activity);
    });
  }

  async updateActivity(actor: Actor, courseId: string, activityId: string, input: TUpdateActivityRequest): Promise<TCourseActivity> {
    return this.db.transaction(async (tx) => {
      const { course } = await this.access.lockForChange(tx, actor, courseId);
      const activity = await this.findActivity(tx, courseId, activityId);
      if (input.settings !== undefined) {
        const parsed = ACTIVITY_SETTINGS_SCHEMAS[activity.type].safeParse(input.settings);
        if (!parsed.success) {
          const details = zodFieldErrors(parsed.error).map((d) => ({ ...d, field: d.field === '(body)' ? 'settings' : `settings.${d.field}` }));
          throw new DomainError('VALIDATION_FAILED', `Invalid settings for a ${activity.type} activity`, details);
        }
        // Merged, so keys the content uploads keep there (storage key, file name) survive.
        activity.settings = { ...activity.settings, ...cleanSettings(activity.type, parsed.data as Record<string, unknown>) };
      }
      if (input.title !== undefined) activity.title = input.title;
      if (input.required !== undefined) activity.required = input.required;
      await tx.getRepository(CourseActivity).save(activity);
      await assertStillPublishable(tx, course);
      await this.access.touch(tx, courseId);
      return toActivityDto(activity);
    });
  }

  /** Also drops the activity from the course's completion selection. */
  async removeActivity(actor: Actor, courseId: string, activityId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { course } = await this.access.lockForChange(tx, actor, courseId);
      const activity = await this.findActivity(tx, courseId, activityId);
      await tx.delete(CourseActivity, { id: activity.id });
      course.completionActivityIds = course.completionActivityIds.filter((id) => id !== activity.id);
      await tx.query('UPDATE courses SET completion_activity_ids = array_remove(completion_activity_ids, $2::uuid), updated_at = now() WHERE id = $1', [courseId, activity.id]);
      await assertStillPublishable(tx, course);
    });
  }

  /**
   * Applies a drag-and-drop result: section order, and each activity's section and order, all in
   * one transaction on the locked course, so concurrent saves apply one after the other and never mix.
   */
  async setStructure(actor: Actor, courseId: string, input: TCourseStructureRequest): Promise<TCourseDetail> {
    return this.db.transaction(async (tx) => {
      await this.access.lockForChange(tx, actor, courseId);
      const current = await loadSections(tx, courseId);
      const problems = structureProblems({ sections: current.map((s) => ({ id: s.id, activityIds: s.activities.map((a) => a.id) })) }, input);
      if (problems.length) {
        throw new DomainError('STRUCTURE_MISMATCH', `The structure does not match the course: ${[...new Set(problems.map((p) => p.field))].join(', ')}`, problems);
      }
      const sectionIds = input.sections.map((s) => s.id);
      await tx.query(
        `UPDATE course_sections s SET position = v.ord - 1, updated_at = now()
           FROM unnest($2::uuid[]) WITH ORDINALITY AS v(id, ord)
          WHERE s.id = v.id AND s.course_id = $1 AND s.position IS DISTINCT FROM v.ord - 1`,
        [courseId, sectionIds],
      );
      const moves = input.sections.flatMap((s) => s.activityIds.map((id, position) => ({ id, sectionId: s.id, position })));
      await tx.query(
        `UPDATE course_activities a SET section_id = v.section_id, position = v.position, updated_at = now()
           FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS v(id, section_id, position)
          WHERE a.id = v.id AND a.course_id = $1 AND (a.section_id, a.position) IS DISTINCT FROM (v.section_id, v.position)`,
        [courseId, moves.map((m) => m.id), moves.map((m) => m.sectionId), moves.map((m) => m.position)],
      );
      await this.access.touch(tx, courseId);
      const reloaded = await this.access.readable(actor, courseId, tx);
      return loadDetail(tx, reloaded.course, reloaded.access);
    });
  }

  private async findSection(tx: EntityManager, courseId: string, sectionId: string): Promise<CourseSection> {
    const section = await tx.findOneBy(CourseSection, { id: sectionId, courseId });
    if (!section) throw notFound('Section');
    return section;
  }

  private async findActivity(tx: EntityManager, courseId: string, activityId: string): Promise<CourseActivity> {
    const activity = await tx.findOneBy(CourseActivity, { id: activityId, courseId });
    if (!activity) throw notFound('Activity');
    return activity;
  }

  private async nextPosition(tx: EntityManager, table: 'course_sections' | 'course_activities', column: 'course_id' | 'section_id', id: string): Promise<number> {
    const [row] = await tx.query(`SELECT coalesce(max(position) + 1, 0)::int AS next FROM ${table} WHERE ${column} = $1`, [id]);
    return row.next;
  }
}
