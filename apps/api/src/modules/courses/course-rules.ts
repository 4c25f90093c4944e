import type { TCompletionRule, TCourseAbilities, TCourseStatus, TCourseStructureRequest } from '@asah/contracts/courses';
import type { TFieldError } from '@asah/contracts/errors';
import { Actor, isPlatformAdmin } from '../../common/auth/actor';

/**
 * How far an actor reaches into one course:
 * - `manage`: everything (platform admins; agency admins on their agency's courses);
 * - `edit`: content and publishing (instructors assigned to a course of their agency);
 * - `read`: platform-wide courses, for agency admins and instructors;
 * - `none`: answered as if the course did not exist (404).
 */
export type CourseAccess = 'manage' | 'edit' | 'read' | 'none';

export function courseAccess(actor: Actor, course: { agencyId: string | null }, assigned: boolean): CourseAccess {
  if (isPlatformAdmin(actor)) return 'manage';
  const isAdmin = actor.roles.includes('agency_admin');
  const isInstructor = actor.roles.includes('instructor');
  if (!actor.agencyId || (!isAdmin && !isInstructor)) return 'none';
  if (course.agencyId === null) return 'read';
  if (course.agencyId !== actor.agencyId) return 'none';
  if (isAdmin) return 'manage';
  return assigned ? 'edit' : 'none';
}

export const canEdit = (access: CourseAccess) => access === 'manage' || access === 'edit';

export function courseAbilities(access: CourseAccess, course: { agencyId: string | null; status: TCourseStatus }): TCourseAbilities {
  const edit = canEdit(access);
  const manage = access === 'manage';
  const archived = course.status === 'archived';
  return {
    edit: edit && !archived,
    publish: edit && course.status === 'draft',
    archive: manage && !archived,
    unarchive: manage && archived,
    delete: manage && course.status === 'draft',
    assignInstructors: manage && !archived && course.agencyId !== null,
  };
}

interface CompletionSettings {
  completionRule: TCompletionRule;
  completionActivityIds: string[];
}

/** Whether finishing the activity counts towards completing the course. */
export const countsForCompletion = (course: CompletionSettings, activity: { id: string; required: boolean }) =>
  course.completionRule === 'selected' ? course.completionActivityIds.includes(activity.id) : activity.required;

/**
 * Why the course cannot be published (empty when it can). A published course keeps satisfying
 * these, so changes that would break them are refused too.
 */
export function publishProblems(course: CompletionSettings, activities: { id: string; required: boolean }[]): TFieldError[] {
  const problems: TFieldError[] = [];
  if (activities.length === 0) {
    problems.push({ field: 'activities', code: 'NO_ACTIVITIES', message: 'The course needs at least one activity' });
    return problems;
  }
  if (course.completionRule === 'all_required' && !activities.some((a) => a.required)) {
    problems.push({ field: 'completionRule', code: 'NO_REQUIRED_ACTIVITY', message: 'Completion needs all required activities, but none is required' });
  }
  if (course.completionRule === 'selected') {
    if (course.completionActivityIds.length === 0) {
      problems.push({ field: 'completionActivityIds', code: 'EMPTY_SELECTION', message: 'Choose the activities that complete the course' });
    }
    const ids = new Set(activities.map((a) => a.id));
    course.completionActivityIds.forEach((id, i) => {
      if (!ids.has(id)) problems.push({ field: `completionActivityIds.${i}`, code: 'ACTIVITY_UNKNOWN', message: 'This activity is not part of the course' });
    });
  }
  return problems;
}

export interface CourseStructure {
  sections: { id: string; activityIds: string[] }[];
}

/**
 * Compares a drag-and-drop result with the course as it is: every section once, every activity
 * once, nothing else. Returns one error per bad id, naming its place in the request.
 */
export function structureProblems(current: CourseStructure, submitted: TCourseStructureRequest): TFieldError[] {
  const problems: TFieldError[] = [];
  const sectionIds = new Set(current.sections.map((s) => s.id));
  const activityIds = new Set(current.sections.flatMap((s) => s.activityIds));
  const seenSections = new Set<string>();
  const seenActivities = new Set<string>();

  submitted.sections.forEach((section, i) => {
    if (seenSections.has(section.id)) {
      problems.push({ field: `sections.${i}.id`, code: 'DUPLICATE', message: 'This section appears twice' });
    } else if (!sectionIds.has(section.id)) {
      problems.push({ field: `sections.${i}.id`, code: 'UNKNOWN_SECTION', message: 'This section is not part of the course' });
    }
    seenSections.add(section.id);
    section.activityIds.forEach((id, j) => {
      const field = `sections.${i}.activityIds.${j}`;
      if (seenActivities.has(id)) problems.push({ field, code: 'DUPLICATE', message: 'This activity appears twice' });
      else if (!activityIds.has(id)) problems.push({ field, code: 'UNKNOWN_ACTIVITY', message: 'This activity is not part of the course' });
      seenActivities.add(id);
    });
  });
  for (const id of sectionIds) {
    if (!seenSections.has(id)) problems.push({ field: 'sections', code: 'MISSING_SECTION', message: `Section ${id} is missing` });
  }
  for (const id of activityIds) {
    if (!seenActivities.has(id)) problems.push({ field: 'sections', code: 'MISSING_ACTIVITY', message: `Activity ${id} is missing` });
  }
  return problems;
}
