import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ClassroomSession } from '../classroom/classroom-session.entity';
import { CohortInstructor } from '../cohorts/cohort-instructor.entity';
import { Cohort } from '../cohorts/cohort.entity';
import { CourseActivity } from '../courses/course-activity.entity';
import { CourseInstructor } from '../courses/course-instructor.entity';
import { CourseSection } from '../courses/course-section.entity';
import { Course } from '../courses/course.entity';
import { Enrolment } from '../enrolments/enrolment.entity';
import { Unit } from '../units/unit.entity';

/**
 * What a newcomer needs to see the enrolment pages filled: heads of some demo units (they approve
 * their people's requests), and one published classroom course with an instructor, a cohort, a
 * session next week and two participants. Learners other e2e journeys start from empty (Budi) are
 * left out on purpose.
 */
export const DEMO_UNIT_HEADS: { agency: string; unit: string; head: string }[] = [
  { agency: 'KOTA-SEMARANG', unit: 'BKPSDM-PK', head: 'instruktur@semarangkota.go.id' },
  { agency: 'KOTA-SEMARANG', unit: 'DINKES-YANKES', head: 'siti.aminah@semarangkota.go.id' },
];

export const DEMO_COURSE = {
  agency: 'KOTA-SEMARANG',
  code: 'DEMO-PELAYANAN-PRIMA',
  title: 'Pelayanan Prima bagi ASN',
  description: 'Pelatihan klasikal tentang standar pelayanan publik, budaya melayani, dan penanganan pengaduan.',
  jp: 6,
  section: 'Tatap muka',
  activity: 'Kelas pelayanan prima',
  cohort: { name: 'Angkatan I 2026', capacity: 30, daysFromToday: 7, days: 3 },
  instructor: 'instruktur@semarangkota.go.id',
  session: { title: 'Pertemuan 1: Standar pelayanan publik', location: 'Aula BKPSDM Kota Semarang', jp: 0 },
  participants: ['siti.aminah@semarangkota.go.id', 'agus.prasetyo@semarangkota.go.id'],
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** `YYYY-MM-DD` in Asia/Jakarta, `days` after `now`. */
const jakartaDay = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS).toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });

export async function seedDemoLearning(
  tx: EntityManager,
  ids: { agencies: Map<string, string>; units: Map<string, string>; people: Map<string, string> },
  now = new Date(),
): Promise<void> {
  for (const h of DEMO_UNIT_HEADS) {
    await tx.update(Unit, { id: ids.units.get(`${h.agency}/${h.unit}`)! }, { headUserId: ids.people.get(h.head)! });
  }

  const d = DEMO_COURSE;
  const agencyId = ids.agencies.get(d.agency)!;
  const course = await tx.save(
    tx.create(Course, { agencyId, code: d.code, title: d.title, description: d.description, category: 'teknis', deliveryMode: 'klasikal', jp: String(d.jp), status: 'published', createdBy: null }),
  );
  const section = await tx.save(tx.create(CourseSection, { courseId: course.id, title: d.section, description: '', position: 0 }));
  const activity = await tx.save(tx.create(CourseActivity, { courseId: course.id, sectionId: section.id, type: 'classroom', title: d.activity, required: true, position: 0, settings: {} }));

  const startsOn = jakartaDay(now, d.cohort.daysFromToday);
  const cohort = await tx.save(
    tx.create(Cohort, {
      courseId: course.id,
      agencyId,
      name: d.cohort.name,
      startsOn,
      endsOn: jakartaDay(now, d.cohort.daysFromToday + d.cohort.days - 1),
      capacity: d.cohort.capacity,
      waitlistEnabled: true,
      enrolmentOpensAt: null,
      enrolmentClosesAt: null,
      deadline: jakartaDay(now, d.cohort.daysFromToday + d.cohort.days + 13),
      enrolmentPolicy: null,
      createdBy: null,
    }),
  );
  // The demo instructor teaches the course, not only its cohort, so signing in as him shows it.
  await tx.insert(CourseInstructor, { courseId: course.id, userId: ids.people.get(d.instructor)! });
  await tx.insert(CohortInstructor, { cohortId: cohort.id, userId: ids.people.get(d.instructor)! });
  await tx.insert(ClassroomSession, {
    courseId: course.id,
    activityId: activity.id,
    cohortId: cohort.id,
    title: d.session.title,
    // 09:00–12:00 in Jakarta on the cohort's first day.
    startsAt: new Date(`${startsOn}T09:00:00+07:00`),
    endsAt: new Date(`${startsOn}T12:00:00+07:00`),
    location: d.session.location,
    onlineUrl: null,
    capacity: d.cohort.capacity,
    jp: String(d.session.jp),
    checkinSecret: randomBytes(32).toString('base64url'),
    createdBy: null,
  });
  for (const email of d.participants) {
    await tx.insert(Enrolment, {
      courseId: course.id,
      cohortId: cohort.id,
      userId: ids.people.get(email)!,
      status: 'approved',
      method: 'admin',
      deadline: cohort.deadline,
      requestedAt: now,
      requestedBy: null,
    });
  }
}
