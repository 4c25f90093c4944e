import { EntityManager } from 'typeorm';
import { SEAT_STATUSES, TEnrolmentPolicy } from '@asah/contracts/enrolments';
import { Params } from '../../common/db/sql';

/** A cohort with its seat counts and instructors, as the catalogue and the admin views read it. */
export interface CohortRecord {
  id: string;
  courseId: string;
  agencyId: string | null;
  name: string;
  startsOn: string;
  endsOn: string;
  capacity: number | null;
  waitlistEnabled: boolean;
  enrolmentOpensAt: Date | null;
  enrolmentClosesAt: Date | null;
  deadline: string | null;
  enrolmentPolicy: TEnrolmentPolicy | null;
  /** The course's policy (or the default). */
  coursePolicy: TEnrolmentPolicy;
  seatsTaken: number;
  waitlistCount: number;
  /** Every enrolment record of the cohort, withdrawn and expired included. */
  records: number;
  instructors: { id: string; name: string; nip: string | null }[];
  createdAt: Date;
  updatedAt: Date;
}

export interface CohortFilter {
  ids?: string[];
  courseIds?: string[];
  /** Only cohorts open to this agency's people (the agency's own and platform cohorts). */
  openTo?: string | null;
  /** Only cohorts that have not ended by this day. */
  notEndedBy?: string;
}

/** Cohorts matching the filter, by start date; seats and waitlist counted in the same query. */
export async function loadCohorts(manager: EntityManager, filter: CohortFilter): Promise<CohortRecord[]> {
  const p = new Params();
  const seat = p.add(SEAT_STATUSES);
  const where: string[] = [];
  if (filter.ids) where.push(`h.id = ANY(${p.add(filter.ids)})`);
  if (filter.courseIds) where.push(`h.course_id = ANY(${p.add(filter.courseIds)})`);
  if (filter.openTo !== undefined) where.push(`(h.agency_id IS NULL OR h.agency_id = ${p.add(filter.openTo)})`);
  if (filter.notEndedBy) where.push(`h.ends_on >= ${p.add(filter.notEndedBy)}::date`);
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT h.id, h.course_id, h.agency_id, h.name, h.starts_on::text AS starts_on, h.ends_on::text AS ends_on, h.capacity,
            h.waitlist_enabled, h.enrolment_opens_at, h.enrolment_closes_at, h.deadline::text AS deadline, h.enrolment_policy,
            coalesce(s.enrolment_policy, 'self') AS course_policy, h.created_at, h.updated_at,
            (SELECT count(*)::int FROM enrolments e WHERE e.cohort_id = h.id AND e.status = ANY(${seat})) AS seats_taken,
            (SELECT count(*)::int FROM enrolments e WHERE e.cohort_id = h.id AND e.status = 'waitlisted') AS waitlist_count,
            (SELECT count(*)::int FROM enrolments e WHERE e.cohort_id = h.id) AS records,
            coalesce((SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'nip', u.nip) ORDER BY u.name, u.id)
                        FROM cohort_instructors ci JOIN users u ON u.id = ci.user_id WHERE ci.cohort_id = h.id), '[]') AS instructors
       FROM cohorts h LEFT JOIN course_enrolment_settings s ON s.course_id = h.course_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY h.starts_on, h.name, h.id`,
    p.values,
  );
  return rows.map((r) => ({
    id: r.id as string,
    courseId: r.course_id as string,
    agencyId: r.agency_id as string | null,
    name: r.name as string,
    startsOn: r.starts_on as string,
    endsOn: r.ends_on as string,
    capacity: r.capacity as number | null,
    waitlistEnabled: r.waitlist_enabled as boolean,
    enrolmentOpensAt: r.enrolment_opens_at as Date | null,
    enrolmentClosesAt: r.enrolment_closes_at as Date | null,
    deadline: r.deadline as string | null,
    enrolmentPolicy: r.enrolment_policy as TEnrolmentPolicy | null,
    coursePolicy: r.course_policy as TEnrolmentPolicy,
    seatsTaken: r.seats_taken as number,
    waitlistCount: r.waitlist_count as number,
    records: r.records as number,
    instructors: r.instructors as CohortRecord['instructors'],
    createdAt: r.created_at as Date,
    updatedAt: r.updated_at as Date,
  }));
}
