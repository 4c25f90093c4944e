import { EntityManager } from 'typeorm';
import { currentProfile } from '@asah/competency/assessments';
import { jakartaDay } from '../../common/time/jakarta';
import { recountEmployees } from './current-counts';
import { ASSESSMENT_COLUMNS, AssessmentRecord, levelOptions, loadDictionary, loadSettings, toResult } from './competency-context';

export interface CourseCompletion {
  userId: string;
  courseId: string;
  completedAt: Date | string;
}

/**
 * Evidence from a completed course: one `course_evidence` assessment per competency the course
 * targets, at the targeted level, dated the day of completion (Asia/Jakarta). Idempotent (unique per
 * employee, course and competency), so a redelivered event writes nothing twice.
 *
 * The agency's rule decides what it does: `raise_level` lets it set the current level, so it is
 * only written when it is above the current level (evidence never lowers a level); `flag_only`
 * keeps it out of the current level and lists it for reassessment when it is above it.
 * Returns the competency codes written.
 */
export async function recordCourseEvidence(manager: EntityManager, completion: CourseCompletion): Promise<string[]> {
  const [course] = await manager.query(`SELECT id, competencies FROM courses WHERE id = $1`, [completion.courseId]);
  const [user] = await manager.query(`SELECT id, agency_id FROM users WHERE id = $1`, [completion.userId]);
  if (!course || !user?.agency_id || !course.competencies?.length) return [];
  const agencyId: string = user.agency_id;
  const settings = await loadSettings(manager, agencyId);
  const dictionary = await loadDictionary(manager, agencyId);
  const day = jakartaDay(new Date(completion.completedAt));
  const records: AssessmentRecord[] = await manager.query(`SELECT ${ASSESSMENT_COLUMNS} FROM assessments WHERE user_id = $1`, [user.id]);
  const profile = currentProfile(records.map(toResult), user.id, levelOptions(settings, day));
  const written: string[] = [];
  for (const target of course.competencies as { code: string; targetLevel: number }[]) {
    const code = target.code.toUpperCase();
    if (!dictionary.byCode.has(code)) continue;
    const current = profile.get(code)?.level ?? 0;
    if (settings.evidenceRule === 'raise_level' && target.targetLevel <= current) continue;
    const rows = await manager.query(
      `INSERT INTO assessments (agency_id, user_id, competency_code, level, source, assessed_on, course_id, note)
       VALUES ($1, $2, $3, $4, 'course_evidence', $5, $6, NULL)
       ON CONFLICT (user_id, course_id, competency_code) WHERE course_id IS NOT NULL DO NOTHING RETURNING id`,
      [agencyId, user.id, code, target.targetLevel, day, course.id],
    );
    if (rows.length) written.push(code);
  }
  // In the caller's transaction (the event delivery's): the counters move with the evidence.
  if (written.length) await recountEmployees(manager, agencyId, [user.id]);
  return written;
}
