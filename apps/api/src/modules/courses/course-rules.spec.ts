import { Actor } from '../../common/auth/actor';
import { courseAbilities, courseAccess, countsForCompletion, publishProblems, structureProblems } from './course-rules';

const SEMARANG = '11111111-1111-4111-8111-111111111111';
const AMBON = '22222222-2222-4222-8222-222222222222';
const actor = (roles: Actor['roles'], agencyId: string | null = SEMARANG): Actor => ({ userId: 'u', sessionId: 's', roles, agencyId });

const platform = actor(['platform_admin'], null);
const admin = actor(['agency_admin', 'learner']);
const instructor = actor(['instructor', 'learner']);
const learner = actor(['learner']);

const semarangCourse = { agencyId: SEMARANG };
const ambonCourse = { agencyId: AMBON };
const shared = { agencyId: null };

describe('courseAccess', () => {
  it('[platform admin] manages every course, shared or of any agency', () => {
    for (const course of [semarangCourse, ambonCourse, shared]) expect(courseAccess(platform, course, false)).toBe('manage');
  });

  it('[agency admin] manages their agency\'s courses, reads shared ones, and cannot see another agency\'s', () => {
    expect(courseAccess(admin, semarangCourse, false)).toBe('manage');
    expect(courseAccess(admin, shared, false)).toBe('read');
    expect(courseAccess(admin, ambonCourse, false)).toBe('none');
  });

  it('[instructor] edits only the courses of their agency they are assigned to', () => {
    expect(courseAccess(instructor, semarangCourse, true)).toBe('edit');
    expect(courseAccess(instructor, semarangCourse, false)).toBe('none');
    expect(courseAccess(instructor, ambonCourse, true)).toBe('none');
    expect(courseAccess(instructor, shared, false)).toBe('read');
  });

  it('[learner] and people without an agency see nothing', () => {
    expect(courseAccess(learner, semarangCourse, true)).toBe('none');
    expect(courseAccess(learner, shared, false)).toBe('none');
    expect(courseAccess(actor(['agency_admin'], null), shared, false)).toBe('none');
  });

  it('[admin who also teaches] keeps the admin reach', () => {
    expect(courseAccess(actor(['agency_admin', 'instructor']), semarangCourse, false)).toBe('manage');
  });
});

describe('courseAbilities', () => {
  it('gives managers every lifecycle step that fits the status', () => {
    expect(courseAbilities('manage', { agencyId: SEMARANG, status: 'draft' })).toEqual({ edit: true, publish: true, archive: true, unarchive: false, delete: true, assignInstructors: true });
    expect(courseAbilities('manage', { agencyId: SEMARANG, status: 'published' })).toEqual({ edit: true, publish: false, archive: true, unarchive: false, delete: false, assignInstructors: true });
    expect(courseAbilities('manage', { agencyId: SEMARANG, status: 'archived' })).toEqual({ edit: false, publish: false, archive: false, unarchive: true, delete: false, assignInstructors: false });
  });

  it('lets instructors edit and publish, nothing more', () => {
    expect(courseAbilities('edit', { agencyId: SEMARANG, status: 'draft' })).toEqual({ edit: true, publish: true, archive: false, unarchive: false, delete: false, assignInstructors: false });
  });

  it('makes a shared course read-only for readers, and instructor-less for everyone', () => {
    expect(Object.values(courseAbilities('read', { agencyId: null, status: 'published' })).some(Boolean)).toBe(false);
    expect(courseAbilities('manage', { agencyId: null, status: 'draft' }).assignInstructors).toBe(false);
  });
});

describe('publishProblems', () => {
  const a1 = { id: 'a1', required: true };
  const a2 = { id: 'a2', required: false };

  it('accepts a course with a required activity under all_required', () => {
    expect(publishProblems({ completionRule: 'all_required', completionActivityIds: [] }, [a1, a2])).toEqual([]);
  });

  it('refuses a course without activities', () => {
    expect(publishProblems({ completionRule: 'all_required', completionActivityIds: [] }, [])).toEqual([expect.objectContaining({ field: 'activities', code: 'NO_ACTIVITIES' })]);
  });

  it('refuses all_required when no activity is required (it would be complete on enrolment)', () => {
    expect(publishProblems({ completionRule: 'all_required', completionActivityIds: [] }, [a2])).toEqual([expect.objectContaining({ field: 'completionRule', code: 'NO_REQUIRED_ACTIVITY' })]);
  });

  it('needs a non-empty selection of the course\'s own activities under selected', () => {
    expect(publishProblems({ completionRule: 'selected', completionActivityIds: ['a2'] }, [a1, a2])).toEqual([]);
    expect(publishProblems({ completionRule: 'selected', completionActivityIds: [] }, [a1])).toEqual([expect.objectContaining({ field: 'completionActivityIds', code: 'EMPTY_SELECTION' })]);
    expect(publishProblems({ completionRule: 'selected', completionActivityIds: ['a1', 'gone'] }, [a1])).toEqual([
      expect.objectContaining({ field: 'completionActivityIds.1', code: 'ACTIVITY_UNKNOWN' }),
    ]);
  });
});

describe('countsForCompletion', () => {
  it('follows the required flag, or the selection', () => {
    expect(countsForCompletion({ completionRule: 'all_required', completionActivityIds: ['a2'] }, { id: 'a1', required: true })).toBe(true);
    expect(countsForCompletion({ completionRule: 'all_required', completionActivityIds: ['a2'] }, { id: 'a2', required: false })).toBe(false);
    expect(countsForCompletion({ completionRule: 'selected', completionActivityIds: ['a2'] }, { id: 'a1', required: true })).toBe(false);
    expect(countsForCompletion({ completionRule: 'selected', completionActivityIds: ['a2'] }, { id: 'a2', required: false })).toBe(true);
  });
});

describe('structureProblems', () => {
  const current = { sections: [{ id: 's1', activityIds: ['a1', 'a2'] }, { id: 's2', activityIds: ['a3'] }, { id: 's3', activityIds: [] }] };
  const fields = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

  it('accepts any reordering and any move that keeps every id once', () => {
    expect(structureProblems(current, { sections: [{ id: 's3', activityIds: ['a2'] }, { id: 's1', activityIds: [] }, { id: 's2', activityIds: ['a3', 'a1'] }] })).toEqual([]);
    expect(structureProblems({ sections: [] }, { sections: [] })).toEqual([]);
  });

  it('names each omitted section and activity', () => {
    expect(fields(structureProblems(current, { sections: [{ id: 's1', activityIds: ['a1'] }, { id: 's2', activityIds: ['a3'] }] }))).toEqual([
      'sections:MISSING_SECTION',
      'sections:MISSING_ACTIVITY',
    ]);
  });

  it('names a repeated section or activity where it repeats', () => {
    expect(fields(structureProblems(current, { sections: [{ id: 's1', activityIds: ['a1', 'a2'] }, { id: 's2', activityIds: ['a3', 'a1'] }, { id: 's3', activityIds: [] }, { id: 's1', activityIds: [] }] }))).toEqual([
      'sections.1.activityIds.1:DUPLICATE',
      'sections.3.id:DUPLICATE',
    ]);
  });

  it('names an id that is not part of the course', () => {
    expect(fields(structureProblems(current, { sections: [{ id: 's1', activityIds: ['a1', 'a2', 'x'] }, { id: 's2', activityIds: ['a3'] }, { id: 's3', activityIds: [] }, { id: 's9', activityIds: [] }] }))).toEqual([
      'sections.0.activityIds.2:UNKNOWN_ACTIVITY',
      'sections.3.id:UNKNOWN_SECTION',
    ]);
  });
});
