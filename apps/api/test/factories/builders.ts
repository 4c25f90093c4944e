import { randomBytes, randomUUID } from 'node:crypto';
import { hashSync } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import type { TActivityType, TCompletionRule, TCourseCategory, TCourseCompetency, TCourseStatus, TDeliveryMode } from '@asah/contracts/courses';
import type { TDecision, TEnrolmentMethod, TEnrolmentPolicy, TEnrolmentStatus } from '@asah/contracts/enrolments';
import type { TFunctionalLevel, TPositionType } from '@asah/contracts/positions';
import type { TEmploymentType, TRole } from '@asah/contracts/roles';
import { addDays, jakartaDay } from '../../src/common/time/jakarta';
import { Agency } from '../../src/modules/agencies/agency.entity';
import { ClassroomSession } from '../../src/modules/classroom/classroom-session.entity';
import { CohortInstructor } from '../../src/modules/cohorts/cohort-instructor.entity';
import { Cohort } from '../../src/modules/cohorts/cohort.entity';
import { CourseActivity } from '../../src/modules/courses/course-activity.entity';
import { CourseInstructor } from '../../src/modules/courses/course-instructor.entity';
import { CourseSection } from '../../src/modules/courses/course-section.entity';
import { Course } from '../../src/modules/courses/course.entity';
import { DevelopmentLog } from '../../src/modules/development-logs/development-log.entity';
import type { ObjectStorage } from '../../src/modules/storage/object-storage';
import { CourseEnrolmentSettings } from '../../src/modules/enrolments/course-enrolment-settings.entity';
import { Enrolment } from '../../src/modules/enrolments/enrolment.entity';
import { Position } from '../../src/modules/positions/position.entity';
import { Unit } from '../../src/modules/units/unit.entity';
import { User } from '../../src/modules/users/user.entity';

/** Password of every user the builders create. */
export const PASSWORD = 'Rahasia-Uji-123';
const PASSWORD_HASH = hashSync(PASSWORD);

let counter = 0;
const next = () => ++counter;

/**
 * A valid NIP that no other builder call returns: varying birth day and sequence. A PPPK NIP has
 * `21` where a PNS NIP has the month of service start.
 */
export function aNip(sex: 1 | 2 = 1, kind: TEmploymentType = 'PNS'): string {
  const n = next();
  const day = String((n % 28) + 1).padStart(2, '0');
  const seq = String((Math.floor(n / 28) % 999) + 1).padStart(3, '0');
  return `199001${day}${kind === 'PPPK' ? '202221' : '201501'}${sex}${seq}`;
}

export async function anAgency(db: DataSource, props: Partial<Pick<Agency, 'code' | 'name' | 'active'>> = {}): Promise<Agency> {
  const n = next();
  return db.getRepository(Agency).save({ code: `AG-${n}`, name: `Pemerintah Kota Uji ${n}`, active: true, ...props });
}

export async function aUnit(db: DataSource, agency: Agency, props: { code?: string; name?: string; parent?: Unit } = {}): Promise<Unit> {
  const n = next();
  return db.getRepository(Unit).save({ agencyId: agency.id, code: props.code ?? `U-${n}`, name: props.name ?? `Dinas Uji ${n}`, parentId: props.parent?.id ?? null });
}

export async function aPosition(
  db: DataSource,
  agency: Agency,
  props: { code?: string; name?: string; type?: TPositionType; level?: TFunctionalLevel } = {},
): Promise<Position> {
  const n = next();
  return db.getRepository(Position).save({
    agencyId: agency.id,
    code: props.code ?? `P-${n}`,
    name: props.name ?? `Jabatan Uji ${n}`,
    type: props.type ?? 'pelaksana',
    functionalLevel: props.level ?? null,
  });
}

/** `aUser(db).in(agency).at(unit).withRoles('agency_admin').create()` */
export function aUser(db: DataSource) {
  const n = next();
  const props: Partial<User> = {
    name: `Pegawai Uji ${n}`,
    email: `pegawai${n}@uji.go.id`,
    nip: aNip(),
    employmentType: 'PNS' as TEmploymentType,
    roles: ['learner'] as TRole[],
    active: true,
    agencyId: null,
  };
  const builder = {
    in(agency: Agency) { props.agencyId = agency.id; return builder; },
    at(unit: Unit) { props.unitId = unit.id; return builder; },
    holding(position: Position) { props.positionId = position.id; return builder; },
    withRoles(...roles: TRole[]) { props.roles = roles; return builder; },
    named(name: string, email?: string) { props.name = name; if (email) props.email = email; return builder; },
    withNip(nip: string | null) { props.nip = nip; return builder; },
    pppk() { props.employmentType = 'PPPK'; props.nip = aNip(1, 'PPPK'); return builder; },
    inactive() { props.active = false; return builder; },
    async create(): Promise<User> {
      return db.getRepository(User).save({ ...props, passwordHash: PASSWORD_HASH });
    },
  };
  return builder;
}

export interface AgencyCast {
  agency: Agency;
  unit: Unit;
  subUnit: Unit;
  position: Position;
  admin: User;
  instructor: User;
  learner: User;
}

/** Two agencies, each with an admin, an instructor and a learner, plus a platform admin. */
export async function aWorld(db: DataSource): Promise<{ platformAdmin: User; semarang: AgencyCast; ambon: AgencyCast }> {
  const cast = async (name: string): Promise<AgencyCast> => {
    const agency = await anAgency(db, { name });
    const unit = await aUnit(db, agency, { name: 'Dinas Kesehatan' });
    const subUnit = await aUnit(db, agency, { name: 'Bidang Pelayanan Kesehatan', parent: unit });
    const position = await aPosition(db, agency, { type: 'pengawas', name: 'Kepala Seksi' });
    return {
      agency,
      unit,
      subUnit,
      position,
      admin: await aUser(db).in(agency).at(unit).withRoles('agency_admin', 'learner').create(),
      instructor: await aUser(db).in(agency).at(unit).withRoles('instructor', 'learner').create(),
      learner: await aUser(db).in(agency).at(subUnit).holding(position).create(),
    };
  };
  return {
    platformAdmin: await aUser(db).withNip(null).withRoles('platform_admin').create(),
    semarang: await cast('Pemerintah Kota Semarang'),
    ambon: await cast('Pemerintah Kota Ambon'),
  };
}

/**
 * The body of `POST /api/users` for a new employee of `cast`'s agency (unique NIP and email),
 * e.g. `aUserRequest(semarang, { roles: ['instructor', 'learner'] })`.
 */
export function aUserRequest(cast: Pick<AgencyCast, 'unit' | 'position'>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = next();
  return {
    nip: aNip(),
    name: `Pegawai Baru ${n}`,
    email: `baru${n}@uji.go.id`,
    employmentType: 'PNS',
    unitId: cast.unit.id,
    positionId: cast.position.id,
    ...overrides,
  };
}

/** A learner who is nothing else, and an instructor who is nothing else, of `cast`'s agency. */
export async function aPureInstructor(db: DataSource, cast: AgencyCast): Promise<User> {
  return aUser(db).in(cast.agency).at(cast.unit).withRoles('instructor').create();
}

export type ImportRow = Partial<Record<'nip' | 'nama' | 'email' | 'jenis' | 'kode_unit' | 'kode_jabatan', string>>;

const INDONESIAN_HEADER = ['nip', 'nama', 'email', 'jenis', 'kode_unit', 'kode_jabatan'] as const;
const ENGLISH_HEADER = ['nip', 'name', 'email', 'type', 'unit_code', 'position_code'] as const;

/**
 * An employee CSV as an agency exports it: `anImportFile().row({...}).withBom().separatedBy(';').build()`.
 * Rows are given with the Indonesian column names; `inEnglish()` only changes the header line.
 */
export function anImportFile() {
  let header: readonly string[] = INDONESIAN_HEADER;
  let separator = ',';
  let bom = false;
  const lines: string[][] = [];
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const file = {
    /** A valid new employee of `cast` (unique NIP and email), with `overrides` applied. */
    employee(cast: Pick<AgencyCast, 'unit' | 'position'>, overrides: ImportRow = {}) {
      const n = next();
      return file.row({ nip: aNip(), nama: `Pegawai Impor ${n}`, email: `impor${n}@uji.go.id`, jenis: 'PNS', kode_unit: cast.unit.code, kode_jabatan: cast.position.code, ...overrides });
    },
    row(values: ImportRow) {
      lines.push(INDONESIAN_HEADER.map((c) => values[c] ?? ''));
      return file;
    },
    /** A line written as is (a blank line, a malformed one). */
    rawLine(line: string) {
      lines.push([line]);
      return file;
    },
    inEnglish() { header = ENGLISH_HEADER; return file; },
    withColumns(columns: string[]) { header = columns; return file; },
    separatedBy(s: ',' | ';') { separator = s; return file; },
    withBom() { bom = true; return file; },
    build(): Buffer {
      const text = [header.join(separator), ...lines.map((cells) => (cells.length === 1 ? cells[0] : cells.map(quote).join(separator)))].join('\r\n');
      return Buffer.from((bom ? '\uFEFF' : '') + text + '\r\n', 'utf8');
    },
  };
  return file;
}

export interface BuiltCourse {
  course: Course;
  /** In order. */
  sections: CourseSection[];
  /** In the order they were added. */
  activities: CourseActivity[];
}

interface ActivityPlan {
  type: TActivityType;
  title?: string;
  required?: boolean;
  settings?: Record<string, unknown>;
  /** Index of the section; the last one by default. */
  section?: number;
}

const DEFAULT_SETTINGS: Partial<Record<TActivityType, Record<string, unknown>>> = {
  page: { html: '<p>Materi</p>' },
  scorm: { attemptPolicy: 'always' },
};

/**
 * A course written straight to the database, in any state (the API's rules are not applied):
 * `aCourse(db).in(agency).withSections(2).withActivity('page').withActivity('scorm', { required: false }).taughtBy(instructor).published().create()`.
 * Without `in(agency)` the course is platform-wide.
 */
export function aCourse(db: DataSource) {
  const n = next();
  const props: Partial<Course> = {
    agencyId: null,
    code: `KURSUS-${n}`,
    title: `Kursus Uji ${n}`,
    description: 'Deskripsi kursus uji',
    category: 'teknis',
    deliveryMode: 'e_learning',
    jp: '2.00',
    competencies: [],
    completionRule: 'all_required',
    certificateOnCompletion: false,
    status: 'draft',
    createdBy: null,
  };
  let sectionCount = 0;
  const activities: ActivityPlan[] = [];
  const instructors: User[] = [];
  let selection: number[] | null = null;
  const builder = {
    in(agency: Agency) { props.agencyId = agency.id; return builder; },
    platformWide() { props.agencyId = null; return builder; },
    code(code: string) { props.code = code; return builder; },
    titled(title: string) { props.title = title; return builder; },
    category(category: TCourseCategory) { props.category = category; return builder; },
    delivery(mode: TDeliveryMode) { props.deliveryMode = mode; return builder; },
    jp(jp: number) { props.jp = jp.toFixed(2); return builder; },
    developing(...competencies: TCourseCompetency[]) { props.competencies = competencies; return builder; },
    status(status: TCourseStatus) { props.status = status; return builder; },
    published() { return builder.status('published'); },
    archived() { return builder.status('archived'); },
    createdBy(user: User) { props.createdBy = user.id; return builder; },
    withSections(count: number) { sectionCount += count; return builder; },
    /** Adds an activity to the last section (or `options.section`), creating a first section if there is none. */
    withActivity(type: TActivityType = 'page', options: Omit<ActivityPlan, 'type'> = {}) {
      if (sectionCount === 0) sectionCount = 1;
      activities.push({ type, ...options, section: options.section ?? sectionCount - 1 });
      return builder;
    },
    /** Completion rule `selected` with the activities at these indexes (in the order added). */
    completedBy(...activityIndexes: number[]) { selection = activityIndexes; return builder; },
    taughtBy(...users: User[]) { instructors.push(...users); return builder; },
    async create(): Promise<BuiltCourse> {
      const course = await db.getRepository(Course).save({ ...props, completionRule: (selection ? 'selected' : props.completionRule) as TCompletionRule, completionActivityIds: [] as string[] });
      const sections = await db.getRepository(CourseSection).save(
        Array.from({ length: sectionCount }, (_, i) => ({ courseId: course.id, title: `Modul ${i + 1}`, description: '', position: i })),
      );
      const perSection = new Map<number, number>();
      const saved: CourseActivity[] = [];
      for (const [i, plan] of activities.entries()) {
        const position = perSection.get(plan.section!) ?? 0;
        perSection.set(plan.section!, position + 1);
        saved.push(
          await db.getRepository(CourseActivity).save({
            courseId: course.id,
            sectionId: sections[plan.section!].id,
            type: plan.type,
            title: plan.title ?? `Aktivitas ${i + 1}`,
            required: plan.required ?? true,
            position,
            settings: plan.settings ?? DEFAULT_SETTINGS[plan.type] ?? {},
          }),
        );
      }
      if (selection) {
        course.completionActivityIds = selection.map((i) => saved[i].id);
        await db.getRepository(Course).update({ id: course.id }, { completionActivityIds: course.completionActivityIds });
      }
      if (instructors.length) await db.getRepository(CourseInstructor).insert(instructors.map((u) => ({ courseId: course.id, userId: u.id })));
      return { course, sections, activities: saved };
    },
  };
  return builder;
}

/** The body of `POST /api/courses`, with `overrides` applied. */
export function aCourseRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = next();
  return { code: `BARU-${n}`, title: `Kursus Baru ${n}`, category: 'manajerial', deliveryMode: 'e_learning', jp: 4, ...overrides };
}

/** Today (Asia/Jakarta) moved by `days`: `day(-1)` is yesterday. */
export const day = (days = 0) => addDays(jakartaDay(), days);

/**
 * A cohort written straight to the database: `aCohort(db, course).capacity(2).noWaitlist().create()`.
 * By default it starts in a week, lasts a month, has no capacity, a waitlist, an open window and the
 * course's agency.
 */
export function aCohort(db: DataSource, course: Course) {
  const n = next();
  const props: Partial<Cohort> = {
    courseId: course.id,
    agencyId: course.agencyId,
    name: `Angkatan ${n} 2026`,
    startsOn: day(7),
    endsOn: day(37),
    capacity: null,
    waitlistEnabled: true,
    enrolmentOpensAt: null,
    enrolmentClosesAt: null,
    deadline: null,
    enrolmentPolicy: null,
  };
  const instructors: User[] = [];
  const builder = {
    named(name: string) { props.name = name; return builder; },
    capacity(capacity: number | null) { props.capacity = capacity; return builder; },
    noWaitlist() { props.waitlistEnabled = false; return builder; },
    /** Starts `days` from today (negative: already started) and lasts `length` days. */
    startingIn(days: number, length = 30) { props.startsOn = day(days); props.endsOn = day(days + length); return builder; },
    ended() { return builder.startingIn(-40, 30); },
    window(opensAt: Date | null, closesAt: Date | null) { props.enrolmentOpensAt = opensAt; props.enrolmentClosesAt = closesAt; return builder; },
    closed() { return builder.window(new Date(Date.now() - 10 * 86400_000), new Date(Date.now() - 86400_000)); },
    notYetOpen() { return builder.window(new Date(Date.now() + 86400_000), null); },
    deadline(deadline: string | null) { props.deadline = deadline; return builder; },
    policy(policy: TEnrolmentPolicy | null) { props.enrolmentPolicy = policy; return builder; },
    runBy(agency: Agency | null) { props.agencyId = agency?.id ?? null; return builder; },
    taughtBy(...users: User[]) { instructors.push(...users); return builder; },
    async create(): Promise<Cohort> {
      const cohort = await db.getRepository(Cohort).save(props);
      if (instructors.length) await db.getRepository(CohortInstructor).insert(instructors.map((u) => ({ cohortId: cohort.id, userId: u.id })));
      return cohort;
    },
  };
  return builder;
}

/** The course's enrolment policy (and deadline in days for enrolments without cohort). */
export async function enrolmentPolicy(db: DataSource, course: Course, policy: TEnrolmentPolicy, deadlineDays: number | null = null): Promise<void> {
  await db.getRepository(CourseEnrolmentSettings).save({ courseId: course.id, enrolmentPolicy: policy, deadlineDays });
}

/**
 * An enrolment written straight to the database: `anEnrolment(db).of(learner).in(course).inCohort(cohort).status('requested').create()`.
 * Approved by an admin by default.
 */
export function anEnrolment(db: DataSource) {
  const props: Partial<Enrolment> = { status: 'approved', method: 'admin', cohortId: null, deadline: null, decision: null };
  const builder = {
    of(user: User) { props.userId = user.id; return builder; },
    in(course: Course) { props.courseId = course.id; return builder; },
    inCohort(cohort: Cohort) { props.courseId = cohort.courseId; props.cohortId = cohort.id; return builder; },
    status(status: TEnrolmentStatus) { props.status = status; return builder; },
    requested() { props.status = 'requested'; props.method = 'approval'; return builder; },
    method(method: TEnrolmentMethod) { props.method = method; return builder; },
    decided(decision: TDecision) { props.decision = decision; props.decidedAt = new Date(); return builder; },
    deadline(deadline: string | null) { props.deadline = deadline; return builder; },
    /** Requested that long ago (orders the waitlist). */
    requestedAt(at: Date) { props.requestedAt = at; return builder; },
    async create(): Promise<Enrolment> {
      if (!props.userId || !props.courseId) throw new Error('anEnrolment needs of(user) and in(course) or inCohort(cohort)');
      return db.getRepository(Enrolment).save({ requestedBy: props.userId, ...props });
    },
  };
  return builder;
}

/**
 * A session of a classroom activity: `aSession(db, activity).forCohort(cohort).running().jp(3).create()`.
 * By default tomorrow 09:00–12:00 WIB, in a room, 0 JP, for everyone with a place in the course.
 */
export function aSession(db: DataSource, activity: CourseActivity) {
  const tomorrow = day(1);
  const props: Partial<ClassroomSession> = {
    courseId: activity.courseId,
    activityId: activity.id,
    cohortId: null,
    title: `Sesi ${next()}`,
    startsAt: new Date(`${tomorrow}T09:00:00+07:00`),
    endsAt: new Date(`${tomorrow}T12:00:00+07:00`),
    location: 'Aula BKPSDM',
    onlineUrl: null,
    capacity: null,
    jp: '0',
  };
  const builder = {
    titled(title: string) { props.title = title; return builder; },
    forCohort(cohort: Cohort) { props.cohortId = cohort.id; return builder; },
    at(startsAt: Date, endsAt: Date) { props.startsAt = startsAt; props.endsAt = endsAt; return builder; },
    /** Started 10 minutes ago, ends in an hour: check-in is open. */
    running() { return builder.at(new Date(Date.now() - 10 * 60_000), new Date(Date.now() + 60 * 60_000)); },
    jp(jp: number) { props.jp = jp.toFixed(2); return builder; },
    async create(): Promise<ClassroomSession> {
      return db.getRepository(ClassroomSession).save({ ...props, checkinSecret: randomBytes(32).toString('base64url') });
    },
  };
  return builder;
}

/** The bytes of a tiny PDF, enough for the proof sniffing. */
export const A_PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/**
 * A non-classroom development log with its proof stored: `aDevelopmentLog(db, storage).of(learner).jp(8).create()`.
 * Submitted, a coaching session that ended yesterday, by default.
 */
export function aDevelopmentLog(db: DataSource, storage: ObjectStorage) {
  const props: Partial<DevelopmentLog> = { form: 'coaching', title: `Coaching ${next()}`, organiser: null, startedOn: day(-2), endedOn: day(-1), hours: null, jp: '4.00', description: '', status: 'submitted' };
  const builder = {
    of(user: User) { props.userId = user.id; return builder; },
    jp(jp: number) { props.jp = jp.toFixed(2); return builder; },
    endedOn(endedOn: string) { props.endedOn = endedOn; props.startedOn = endedOn; return builder; },
    status(status: DevelopmentLog['status']) { props.status = status; return builder; },
    async create(): Promise<DevelopmentLog> {
      const id = randomUUID();
      const key = `proofs/${id}/sertifikat.pdf`;
      await storage.put(key, A_PDF, { contentType: 'application/pdf', size: A_PDF.length });
      return db.getRepository(DevelopmentLog).save({ id, ...props, proofKey: key, proofName: 'sertifikat.pdf', proofType: 'application/pdf', proofSize: String(A_PDF.length) });
    },
  };
  return builder;
}
