import { MigrationInterface, QueryRunner } from "typeorm";

export class ClassroomSessions1795347022797 implements MigrationInterface {
    name = 'ClassroomSessions1795347022797'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "classroom_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "activity_id" uuid NOT NULL,
                "cohort_id" uuid,
                "title" text NOT NULL,
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "location" text,
                "online_url" text,
                "capacity" integer,
                "jp" numeric(6, 2) NOT NULL DEFAULT '0',
                "checkin_secret" text NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_classroom_sessions_capacity" CHECK (
                    capacity IS NULL
                    OR capacity >= 1
                ),
                CONSTRAINT "ck_classroom_sessions_jp" CHECK (jp >= 0),
                CONSTRAINT "ck_classroom_sessions_times" CHECK (ends_at > starts_at),
                CONSTRAINT "PK_680471f5a5a353401df310bec7c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_classroom_sessions_course" ON "classroom_sessions" ("course_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_classroom_sessions_cohort" ON "classroom_sessions" ("cohort_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_classroom_sessions_starts_at" ON "classroom_sessions" ("starts_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_classroom_sessions_created_by" ON "classroom_sessions" ("created_by")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_classroom_sessions_activity_start" ON "classroom_sessions" ("activity_id", "starts_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "session_attendance" (
                "session_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "enrolment_id" uuid NOT NULL,
                "method" text NOT NULL,
                "recorded_by" uuid,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_session_attendance_method" CHECK (method IN ('instructor', 'qr')),
                CONSTRAINT "pk_session_attendance" PRIMARY KEY ("session_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_session_attendance_user" ON "session_attendance" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_session_attendance_enrolment" ON "session_attendance" ("enrolment_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_session_attendance_recorded_by" ON "session_attendance" ("recorded_by")
        `);
        await queryRunner.query(`
            ALTER TABLE "classroom_sessions"
            ADD CONSTRAINT "FK_b460af88c2ce6e58bb6977c9c01" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "classroom_sessions"
            ADD CONSTRAINT "FK_f7fe4dab73d53d53e95cf132dce" FOREIGN KEY ("activity_id") REFERENCES "course_activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "classroom_sessions"
            ADD CONSTRAINT "FK_7e87b8d41233babfe21253b6394" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "classroom_sessions"
            ADD CONSTRAINT "FK_62e96ad1e6f4b89b20dd8a5b01a" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendance"
            ADD CONSTRAINT "FK_fe13eeaaceb32f7ef9a269e1af2" FOREIGN KEY ("session_id") REFERENCES "classroom_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendance"
            ADD CONSTRAINT "FK_7847a4a6c1b65ba8baa37fdbfa0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendance"
            ADD CONSTRAINT "FK_ad1791f17698af10db947cc3381" FOREIGN KEY ("enrolment_id") REFERENCES "enrolments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendance"
            ADD CONSTRAINT "FK_b158e1b7fd00a53b923dca9bc3e" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_b158e1b7fd00a53b923dca9bc3e"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_ad1791f17698af10db947cc3381"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_7847a4a6c1b65ba8baa37fdbfa0"
        `);
        await queryRunner.query(`
            ALTER TABLE "session_attendance" DROP CONSTRAINT "FK_fe13eeaaceb32f7ef9a269e1af2"
        `);
        await queryRunner.query(`
            ALTER TABLE "classroom_sessions" DROP CONSTRAINT "FK_62e96ad1e6f4b89b20dd8a5b01a"
        `);
        await queryRunner.query(`
            ALTER TABLE "classroom_sessions" DROP CONSTRAINT "FK_7e87b8d41233babfe21253b6394"
        `);
        await queryRunner.query(`
            ALTER TABLE "classroom_sessions" DROP CONSTRAINT "FK_f7fe4dab73d53d53e95cf132dce"
        `);
        await queryRunner.query(`
            ALTER TABLE "classroom_sessions" DROP CONSTRAINT "FK_b460af88c2ce6e58bb6977c9c01"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_session_attendance_recorded_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_session_attendance_enrolment"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_session_attendance_user"
        `);
        await queryRunner.query(`
            DROP TABLE "session_attendance"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_classroom_sessions_activity_start"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_classroom_sessions_created_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_classroom_sessions_starts_at"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_classroom_sessions_cohort"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_classroom_sessions_course"
        `);
        await queryRunner.query(`
            DROP TABLE "classroom_sessions"
        `);
    }

}
