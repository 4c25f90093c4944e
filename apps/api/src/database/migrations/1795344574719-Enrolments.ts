import { MigrationInterface, QueryRunner } from "typeorm";

export class Enrolments1795344574719 implements MigrationInterface {
    name = 'Enrolments1795344574719'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "cohorts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "agency_id" uuid,
                "name" text NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "capacity" integer,
                "waitlist_enabled" boolean NOT NULL DEFAULT true,
                "enrolment_opens_at" TIMESTAMP WITH TIME ZONE,
                "enrolment_closes_at" TIMESTAMP WITH TIME ZONE,
                "deadline" date,
                "enrolment_policy" text,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_cohorts_policy" CHECK (
                    enrolment_policy IS NULL
                    OR enrolment_policy IN ('self', 'approval', 'admin_only')
                ),
                CONSTRAINT "ck_cohorts_capacity" CHECK (
                    capacity IS NULL
                    OR capacity >= 1
                ),
                CONSTRAINT "ck_cohorts_dates" CHECK (ends_on >= starts_on),
                CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cohorts_course" ON "cohorts" ("course_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cohorts_agency" ON "cohorts" ("agency_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cohorts_created_by" ON "cohorts" ("created_by")
        `);
        await queryRunner.query(`
            CREATE TABLE "cohort_instructors" (
                "cohort_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_cohort_instructors" PRIMARY KEY ("cohort_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cohort_instructors_user" ON "cohort_instructors" ("user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "course_enrolment_settings" (
                "course_id" uuid NOT NULL,
                "enrolment_policy" text NOT NULL DEFAULT 'self',
                "deadline_days" integer,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_course_enrolment_settings_days" CHECK (
                    deadline_days IS NULL
                    OR deadline_days >= 1
                ),
                CONSTRAINT "ck_course_enrolment_settings_policy" CHECK (
                    enrolment_policy IN ('self', 'approval', 'admin_only')
                ),
                CONSTRAINT "pk_course_enrolment_settings" PRIMARY KEY ("course_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "enrolment_rules" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "name" text NOT NULL,
                "course_id" uuid NOT NULL,
                "cohort_id" uuid,
                "unit_id" uuid,
                "include_subunits" boolean NOT NULL DEFAULT true,
                "position_id" uuid,
                "position_type" text,
                "employment_type" text,
                "deadline" date,
                "created_by" uuid,
                "last_applied_at" TIMESTAMP WITH TIME ZONE,
                "last_applied_by" uuid,
                "last_result" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_enrolment_rules_criteria" CHECK (
                    unit_id IS NOT NULL
                    OR position_id IS NOT NULL
                    OR position_type IS NOT NULL
                    OR employment_type IS NOT NULL
                ),
                CONSTRAINT "PK_61533eb1895af4ebe2d23d20362" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolment_rules_agency" ON "enrolment_rules" ("agency_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolment_rules_course" ON "enrolment_rules" ("course_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolment_rules_cohort" ON "enrolment_rules" ("cohort_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolment_rules_unit" ON "enrolment_rules" ("unit_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolment_rules_position" ON "enrolment_rules" ("position_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolment_rules_created_by" ON "enrolment_rules" ("created_by")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolment_rules_last_applied_by" ON "enrolment_rules" ("last_applied_by")
        `);
        await queryRunner.query(`
            CREATE TABLE "enrolments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "cohort_id" uuid,
                "user_id" uuid NOT NULL,
                "status" text NOT NULL,
                "method" text NOT NULL,
                "deadline" date,
                "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "requested_by" uuid,
                "request_reason" text,
                "decision" text,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid,
                "decision_reason" text,
                "withdrawn_at" TIMESTAMP WITH TIME ZONE,
                "withdrawn_by" uuid,
                "withdrawal_reason" text,
                "started_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "rule_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_enrolments_decision" CHECK (
                    decision IS NULL
                    OR decision IN ('approved', 'rejected')
                ),
                CONSTRAINT "ck_enrolments_method" CHECK (
                    method IN ('self', 'approval', 'admin', 'bulk', 'rule')
                ),
                CONSTRAINT "ck_enrolments_status" CHECK (
                    status IN (
                        'requested',
                        'waitlisted',
                        'approved',
                        'active',
                        'completed',
                        'withdrawn',
                        'expired'
                    )
                ),
                CONSTRAINT "PK_6e79971fbd26967c4da9ed52770" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolments_course" ON "enrolments" ("course_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolments_requested_by" ON "enrolments" ("requested_by")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolments_decided_by" ON "enrolments" ("decided_by")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolments_withdrawn_by" ON "enrolments" ("withdrawn_by")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolments_rule" ON "enrolments" ("rule_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolments_user_status" ON "enrolments" ("user_id", "status")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_enrolments_cohort_status" ON "enrolments" ("cohort_id", "status")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_enrolments_course_user_current" ON "enrolments" ("course_id", "user_id")
            WHERE status IN (
                    'requested',
                    'waitlisted',
                    'approved',
                    'active',
                    'completed'
                )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_enrolments_cohort_user" ON "enrolments" ("cohort_id", "user_id")
            WHERE cohort_id IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_enrolments_course_user_no_cohort" ON "enrolments" ("course_id", "user_id")
            WHERE cohort_id IS NULL
        `);
        await queryRunner.query(`
            ALTER TABLE "units"
            ADD "head_user_id" uuid
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_units_head" ON "units" ("head_user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "units"
            ADD CONSTRAINT "FK_a6311cde7f75b51b93ac25ceb65" FOREIGN KEY ("head_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD CONSTRAINT "FK_f4228ff8a867fe9bdc7fe5d07ee" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD CONSTRAINT "FK_a194ec51dd4d3e8347d36c87601" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts"
            ADD CONSTRAINT "FK_be480729a8dc513fa346cdfcec1" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_instructors"
            ADD CONSTRAINT "FK_95350ae0f1377aa05fc65fb5cb9" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_instructors"
            ADD CONSTRAINT "FK_74782e7a22f4f4c771d28c7cc6d" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_enrolment_settings"
            ADD CONSTRAINT "FK_dd7812f0caafb03c0732d260925" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules"
            ADD CONSTRAINT "FK_b8a8fd811ff99e283fef9587886" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules"
            ADD CONSTRAINT "FK_853294b4473000d640532459171" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules"
            ADD CONSTRAINT "FK_8af4a729ddcb3cea33bf638e5d3" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules"
            ADD CONSTRAINT "FK_19888e62c4f5c2536e4c92aa3d0" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules"
            ADD CONSTRAINT "FK_82b67cc5f1061b8a40512ce4a21" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules"
            ADD CONSTRAINT "FK_96610ad49396f3dacf9ce907f15" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules"
            ADD CONSTRAINT "FK_bb3e6872e32a304110c1d29f68a" FOREIGN KEY ("last_applied_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_88e4829cd9da8e01cc305788db5" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_0e675e00a0c3497c936092fdbb6" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_ad753bfade4d6974d6cf310d2f1" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_1a62856f0666d28ff98238347b0" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_ec2001b6e82962219e0867e95a3" FOREIGN KEY ("withdrawn_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments"
            ADD CONSTRAINT "FK_a61c72a2d80c4840e41e10ae826" FOREIGN KEY ("rule_id") REFERENCES "enrolment_rules"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_a61c72a2d80c4840e41e10ae826"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_ec2001b6e82962219e0867e95a3"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_1a62856f0666d28ff98238347b0"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_ad753bfade4d6974d6cf310d2f1"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_7eb4b01f52fb0ce0e3136d87c76"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_0e675e00a0c3497c936092fdbb6"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolments" DROP CONSTRAINT "FK_88e4829cd9da8e01cc305788db5"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules" DROP CONSTRAINT "FK_bb3e6872e32a304110c1d29f68a"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules" DROP CONSTRAINT "FK_96610ad49396f3dacf9ce907f15"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules" DROP CONSTRAINT "FK_82b67cc5f1061b8a40512ce4a21"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules" DROP CONSTRAINT "FK_19888e62c4f5c2536e4c92aa3d0"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules" DROP CONSTRAINT "FK_8af4a729ddcb3cea33bf638e5d3"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules" DROP CONSTRAINT "FK_853294b4473000d640532459171"
        `);
        await queryRunner.query(`
            ALTER TABLE "enrolment_rules" DROP CONSTRAINT "FK_b8a8fd811ff99e283fef9587886"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_enrolment_settings" DROP CONSTRAINT "FK_dd7812f0caafb03c0732d260925"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_instructors" DROP CONSTRAINT "FK_74782e7a22f4f4c771d28c7cc6d"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohort_instructors" DROP CONSTRAINT "FK_95350ae0f1377aa05fc65fb5cb9"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts" DROP CONSTRAINT "FK_be480729a8dc513fa346cdfcec1"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts" DROP CONSTRAINT "FK_a194ec51dd4d3e8347d36c87601"
        `);
        await queryRunner.query(`
            ALTER TABLE "cohorts" DROP CONSTRAINT "FK_f4228ff8a867fe9bdc7fe5d07ee"
        `);
        await queryRunner.query(`
            ALTER TABLE "units" DROP CONSTRAINT "FK_a6311cde7f75b51b93ac25ceb65"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_units_head"
        `);
        await queryRunner.query(`
            ALTER TABLE "units" DROP COLUMN "head_user_id"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_enrolments_course_user_no_cohort"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_enrolments_cohort_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_enrolments_course_user_current"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_cohort_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_user_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_rule"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_withdrawn_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_decided_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_requested_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolments_course"
        `);
        await queryRunner.query(`
            DROP TABLE "enrolments"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolment_rules_last_applied_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolment_rules_created_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolment_rules_position"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolment_rules_unit"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolment_rules_cohort"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolment_rules_course"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_enrolment_rules_agency"
        `);
        await queryRunner.query(`
            DROP TABLE "enrolment_rules"
        `);
        await queryRunner.query(`
            DROP TABLE "course_enrolment_settings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_cohort_instructors_user"
        `);
        await queryRunner.query(`
            DROP TABLE "cohort_instructors"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_cohorts_created_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_cohorts_agency"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_cohorts_course"
        `);
        await queryRunner.query(`
            DROP TABLE "cohorts"
        `);
    }

}
