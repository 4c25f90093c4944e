import { DataSource } from 'typeorm';

const TABLES = ['agencies', 'units', 'positions', 'users', 'sessions', 'refresh_tokens', 'courses', 'course_sections', 'course_activities', 'course_instructors', 'package_versions', 'content_files', 'cohorts', 'cohort_instructors', 'course_enrolment_settings', 'enrolment_rules', 'enrolments', 'jp_ledger_entries', 'jp_targets', 'classroom_sessions', 'session_attendance', 'development_logs', 'notifications', 'competencies', 'competency_settings', 'position_standards', 'assessments', 'development_goals', 'development_plans', 'development_programs', 'workload_tasks'] as const;

/**
 * A digest of every row of the business tables. Equal before and after a refused request means
 * the request changed nothing, whatever it tried to touch.
 */
export async function snapshot(db: DataSource): Promise<Record<(typeof TABLES)[number], string>> {
  const columns = TABLES.map((t) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${t} x) AS ${t}`);
  const [row] = await db.query(`SELECT ${columns.join(', ')}`);
  return row;
}

export async function countRows(db: DataSource, table: (typeof TABLES)[number], where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row.n;
}
