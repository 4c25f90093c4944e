import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { Agency } from '../modules/agencies/agency.entity';
import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { Session } from '../modules/auth/session.entity';
import { ClassroomSession } from '../modules/classroom/classroom-session.entity';
import { SessionAttendance } from '../modules/classroom/session-attendance.entity';
import { CohortInstructor } from '../modules/cohorts/cohort-instructor.entity';
import { Cohort } from '../modules/cohorts/cohort.entity';
import { Assessment } from '../modules/competency/assessment.entity';
import { CompetencySettings } from '../modules/competency/competency-settings.entity';
import { CompetencyCountedEmployee, CompetencyCountState, CompetencyCurrentLevel, CompetencyLevelCount, CompetencyPlacementCount } from '../modules/competency/competency-counts.entity';
import { Competency } from '../modules/competency/competency.entity';
import { DevelopmentGoal } from '../modules/competency/development-goal.entity';
import { DevelopmentPlan } from '../modules/competency/development-plan.entity';
import { DevelopmentProgram } from '../modules/competency/development-program.entity';
import { PositionStandard } from '../modules/competency/position-standard.entity';
import { WorkloadTask } from '../modules/competency/workload-task.entity';
import { ContentFile } from '../modules/content/content-file.entity';
import { PackageVersion } from '../modules/content/package-version.entity';
import { CourseActivity } from '../modules/courses/course-activity.entity';
import { CourseInstructor } from '../modules/courses/course-instructor.entity';
import { CourseSection } from '../modules/courses/course-section.entity';
import { Course } from '../modules/courses/course.entity';
import { DevelopmentLog } from '../modules/development-logs/development-log.entity';
import { CourseEnrolmentSettings } from '../modules/enrolments/course-enrolment-settings.entity';
import { EnrolmentRule } from '../modules/enrolments/enrolment-rule.entity';
import { Enrolment } from '../modules/enrolments/enrolment.entity';
import { JpLedgerEntry } from '../modules/jp/jp-ledger-entry.entity';
import { JpTarget } from '../modules/jp/jp-target.entity';
import { JpYearTotal } from '../modules/jp/jp-year-total.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { Position } from '../modules/positions/position.entity';
import { Certificate, CertificateAsset, CertificateAudit, CertificateBulkItem, CertificateBulkJob, CertificateCounter, CertificateNumbering, CertificateTemplate, CertificateTemplateVersion, CourseCertificateSettings, IssuerKey } from '../modules/certificates/certificate.entities';
import { DomainEvent, EventDelivery } from '../modules/events/domain-event.entity';
import { ActivityResult, TrackingAttempt, TrackingCommit, TrackingInteraction, TrackingObjective, TrackingScoState } from '../modules/tracking/tracking.entities';
import { Unit } from '../modules/units/unit.entity';
import { User } from '../modules/users/user.entity';

export const ENTITIES = [Agency, Unit, Position, User, Session, RefreshToken, Course, CourseSection, CourseActivity, CourseInstructor, PackageVersion, ContentFile,
  Cohort, CohortInstructor, CourseEnrolmentSettings, EnrolmentRule, Enrolment,
  JpLedgerEntry, JpTarget, JpYearTotal,
  ClassroomSession, SessionAttendance,
  DevelopmentLog, Notification,
  Competency, CompetencySettings, PositionStandard, Assessment, DevelopmentGoal, DevelopmentPlan, DevelopmentProgram, WorkloadTask,
  CompetencyCountedEmployee, CompetencyCurrentLevel, CompetencyLevelCount, CompetencyPlacementCount, CompetencyCountState,
  DomainEvent, EventDelivery,
  CertificateAsset, CertificateTemplate, CertificateTemplateVersion, CertificateNumbering, CertificateCounter, CourseCertificateSettings, Certificate, CertificateAudit, IssuerKey, CertificateBulkJob, CertificateBulkItem,
  TrackingAttempt, TrackingScoState, TrackingInteraction, TrackingObjective, TrackingCommit, ActivityResult];

/** One definition for the app, the tests and the migration CLI, so they never drift apart. */
export function dataSourceOptions(url: string, poolSize = 10, withMigrations = true): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: withMigrations ? [join(__dirname, 'migrations', '*.{js,ts}')] : [],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; pgcrypto is a trusted extension on managed servers.
    uuidExtension: 'pgcrypto',
    // Named statements (database/prepared.ts: the hottest reads and writes) keep one generic plan per
    // connection; PostgreSQL would otherwise keep re-planning them (planning ~2 ms vs execution
    // ~0.3 ms for the progress query). Unnamed statements, i.e. everything else, are unaffected.
    extra: { max: poolSize, options: '-c plan_cache_mode=force_generic_plan' },
  };
}

/**
 * The TypeORM CLI loads this file (see database/cli.ts, which points MIGRATION_DATABASE_URL at a
 * throw-away embedded PostgreSQL when DATABASE_URL is unset).
 */
export default new DataSource(
  dataSourceOptions(process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://localhost/asah'),
);
