import { MigrationInterface, QueryRunner } from "typeorm";

export class Competency1795350742391 implements MigrationInterface {
    name = 'Competency1795350742391'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "assessments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "competency_code" text NOT NULL,
                "level" smallint NOT NULL,
                "source" text NOT NULL,
                "assessed_on" date NOT NULL,
                "valid_until" date,
                "note" text,
                "course_id" uuid,
                "recorded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_assessments_validity" CHECK (
                    valid_until IS NULL
                    OR valid_until >= assessed_on
                ),
                CONSTRAINT "ck_assessments_source" CHECK (
                    source IN (
                        'assessment_centre',
                        'competency_test',
                        'supervisor',
                        'self',
                        'course_evidence'
                    )
                ),
                CONSTRAINT "ck_assessments_level" CHECK (
                    level BETWEEN 1 AND 5
                ),
                CONSTRAINT "PK_a3442bd80a00e9111cefca57f6c" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_assessments_user" ON "assessments" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_assessments_course" ON "assessments" ("course_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_assessments_recorded_by" ON "assessments" ("recorded_by")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_assessments_course_evidence" ON "assessments" ("user_id", "course_id", "competency_code")
            WHERE course_id IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_assessments_current" ON "assessments" (
                "agency_id",
                "user_id",
                "competency_code",
                "assessed_on"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "competency_settings" (
                "agency_id" uuid NOT NULL,
                "evidence_rule" text NOT NULL,
                "major_gap_from" smallint NOT NULL,
                "effective_hours_per_year" numeric(7, 2) NOT NULL,
                "rounding_mode" text NOT NULL,
                "rounding_threshold" numeric(4, 3),
                "head_user_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_competency_settings_threshold" CHECK (
                    rounding_threshold IS NULL
                    OR (
                        rounding_threshold > 0
                        AND rounding_threshold <= 1
                    )
                ),
                CONSTRAINT "ck_competency_settings_rounding" CHECK (rounding_mode IN ('round', 'ceil', 'floor')),
                CONSTRAINT "ck_competency_settings_hours" CHECK (effective_hours_per_year > 0),
                CONSTRAINT "ck_competency_settings_major" CHECK (
                    major_gap_from BETWEEN 1 AND 4
                ),
                CONSTRAINT "ck_competency_settings_evidence" CHECK (evidence_rule IN ('raise_level', 'flag_only')),
                CONSTRAINT "pk_competency_settings" PRIMARY KEY ("agency_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_competency_settings_head" ON "competency_settings" ("head_user_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "competencies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid,
                "code" text NOT NULL,
                "name" text NOT NULL,
                "group" text NOT NULL,
                "definition" text,
                "levels" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_competencies_teknis_agency" CHECK (
                    "group" <> 'teknis'
                    OR agency_id IS NOT NULL
                ),
                CONSTRAINT "ck_competencies_group" CHECK (
                    "group" IN ('manajerial', 'sosial_kultural', 'teknis')
                ),
                CONSTRAINT "PK_0b29ecda233cc61de0d93527813" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_competencies_agency_code" ON "competencies" ("agency_id", "code")
            WHERE agency_id IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_competencies_national_code" ON "competencies" ("code")
            WHERE agency_id IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "development_goals" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "title" text NOT NULL,
                "competency_code" text,
                "target_level" smallint,
                "target_date" date NOT NULL,
                "progress" smallint NOT NULL DEFAULT '0',
                "course_id" uuid,
                "note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_development_goals_level" CHECK (
                    target_level IS NULL
                    OR target_level BETWEEN 1 AND 5
                ),
                CONSTRAINT "ck_development_goals_progress" CHECK (
                    progress BETWEEN 0 AND 100
                ),
                CONSTRAINT "PK_d44e00cdc51dc09b131e609088b" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_goals_agency" ON "development_goals" ("agency_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_goals_user" ON "development_goals" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_goals_course" ON "development_goals" ("course_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "development_plans" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "title" text NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid,
                "decision_note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_development_plans_agency_year" UNIQUE ("agency_id", "year"),
                CONSTRAINT "ck_development_plans_status" CHECK (
                    status IN ('draft', 'submitted', 'approved', 'rejected')
                ),
                CONSTRAINT "PK_86c30a1eb9f93130880d954d587" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_plans_submitted_by" ON "development_plans" ("submitted_by")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_plans_decided_by" ON "development_plans" ("decided_by")
        `);
        await queryRunner.query(`
            CREATE TABLE "development_programs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "plan_id" uuid NOT NULL,
                "title" text NOT NULL,
                "competency_code" text NOT NULL,
                "route" text NOT NULL,
                "form" text NOT NULL,
                "provider" text NOT NULL,
                "starts_on" date NOT NULL,
                "ends_on" date NOT NULL,
                "jp_per_person" numeric(6, 2) NOT NULL,
                "budget" bigint NOT NULL,
                "target_employee_ids" uuid array NOT NULL DEFAULT '{}',
                "cohort_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_development_programs_amounts" CHECK (
                    jp_per_person > 0
                    AND budget >= 0
                ),
                CONSTRAINT "ck_development_programs_dates" CHECK (ends_on >= starts_on),
                CONSTRAINT "ck_development_programs_route" CHECK (route IN ('klasikal', 'non_klasikal')),
                CONSTRAINT "PK_9ae38953a282910d2d8977a5a22" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_programs_plan" ON "development_programs" ("plan_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_programs_cohort" ON "development_programs" ("cohort_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "position_standards" (
                "position_id" uuid NOT NULL,
                "competency_code" text NOT NULL,
                "agency_id" uuid NOT NULL,
                "required_level" smallint,
                CONSTRAINT "ck_position_standards_level" CHECK (
                    required_level IS NULL
                    OR required_level BETWEEN 1 AND 5
                ),
                CONSTRAINT "pk_position_standards" PRIMARY KEY ("position_id", "competency_code")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_position_standards_agency" ON "position_standards" ("agency_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "workload_tasks" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "sort" integer NOT NULL,
                "name" text NOT NULL,
                "yearly_volume" numeric(14, 2) NOT NULL,
                "standard_minutes" numeric(10, 2) NOT NULL,
                CONSTRAINT "ck_workload_tasks_amounts" CHECK (
                    yearly_volume >= 0
                    AND standard_minutes > 0
                ),
                CONSTRAINT "PK_636101c4aeae079506d31c947df" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_workload_tasks_agency" ON "workload_tasks" ("agency_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_workload_tasks_position" ON "workload_tasks" ("position_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_workload_tasks_unit_position" ON "workload_tasks" ("unit_id", "position_id", "sort")
        `);
        await queryRunner.query(`
            ALTER TABLE "assessments"
            ADD CONSTRAINT "FK_fea6577dc5ea31653d99fe4b649" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assessments"
            ADD CONSTRAINT "FK_2d76c87300726d247589833f63f" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "assessments"
            ADD CONSTRAINT "FK_bd38b5e8b6bcead399e99a43ae0" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "competency_settings"
            ADD CONSTRAINT "FK_875e34c36a1750cc1a534bdcf4e" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "competency_settings"
            ADD CONSTRAINT "FK_0546090f80532f247c6fa9253d9" FOREIGN KEY ("head_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "competencies"
            ADD CONSTRAINT "FK_ebd0372afc45d0ab8d0bdcc8574" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "development_goals"
            ADD CONSTRAINT "FK_0ce6941ab747eab79fbbcb1dd00" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "development_goals"
            ADD CONSTRAINT "FK_7368f2b315b1463b08b7c861aef" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "development_plans"
            ADD CONSTRAINT "FK_01a783e1062427d09195ac7216e" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "development_plans"
            ADD CONSTRAINT "FK_9400bf0b7838a713db8b5aba99f" FOREIGN KEY ("submitted_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "development_plans"
            ADD CONSTRAINT "FK_1a15888709b2da139c7c4187884" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "development_programs"
            ADD CONSTRAINT "FK_202a7353576b6e15668a9c82606" FOREIGN KEY ("plan_id") REFERENCES "development_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "development_programs"
            ADD CONSTRAINT "FK_bc0ed6041905003825bfdb37340" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "position_standards"
            ADD CONSTRAINT "FK_a35a0b55a44ffd907ed18782f1b" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "workload_tasks"
            ADD CONSTRAINT "FK_5b687e2a7db30f6426788cf1eee" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "workload_tasks"
            ADD CONSTRAINT "FK_4e744cb206d9b55ed61dcbb4756" FOREIGN KEY ("position_id") REFERENCES "positions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "workload_tasks" DROP CONSTRAINT "FK_4e744cb206d9b55ed61dcbb4756"
        `);
        await queryRunner.query(`
            ALTER TABLE "workload_tasks" DROP CONSTRAINT "FK_5b687e2a7db30f6426788cf1eee"
        `);
        await queryRunner.query(`
            ALTER TABLE "position_standards" DROP CONSTRAINT "FK_a35a0b55a44ffd907ed18782f1b"
        `);
        await queryRunner.query(`
            ALTER TABLE "development_programs" DROP CONSTRAINT "FK_bc0ed6041905003825bfdb37340"
        `);
        await queryRunner.query(`
            ALTER TABLE "development_programs" DROP CONSTRAINT "FK_202a7353576b6e15668a9c82606"
        `);
        await queryRunner.query(`
            ALTER TABLE "development_plans" DROP CONSTRAINT "FK_1a15888709b2da139c7c4187884"
        `);
        await queryRunner.query(`
            ALTER TABLE "development_plans" DROP CONSTRAINT "FK_9400bf0b7838a713db8b5aba99f"
        `);
        await queryRunner.query(`
            ALTER TABLE "development_plans" DROP CONSTRAINT "FK_01a783e1062427d09195ac7216e"
        `);
        await queryRunner.query(`
            ALTER TABLE "development_goals" DROP CONSTRAINT "FK_7368f2b315b1463b08b7c861aef"
        `);
        await queryRunner.query(`
            ALTER TABLE "development_goals" DROP CONSTRAINT "FK_0ce6941ab747eab79fbbcb1dd00"
        `);
        await queryRunner.query(`
            ALTER TABLE "competencies" DROP CONSTRAINT "FK_ebd0372afc45d0ab8d0bdcc8574"
        `);
        await queryRunner.query(`
            ALTER TABLE "competency_settings" DROP CONSTRAINT "FK_0546090f80532f247c6fa9253d9"
        `);
        await queryRunner.query(`
            ALTER TABLE "competency_settings" DROP CONSTRAINT "FK_875e34c36a1750cc1a534bdcf4e"
        `);
        await queryRunner.query(`
            ALTER TABLE "assessments" DROP CONSTRAINT "FK_bd38b5e8b6bcead399e99a43ae0"
        `);
        await queryRunner.query(`
            ALTER TABLE "assessments" DROP CONSTRAINT "FK_2d76c87300726d247589833f63f"
        `);
        await queryRunner.query(`
            ALTER TABLE "assessments" DROP CONSTRAINT "FK_fea6577dc5ea31653d99fe4b649"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_workload_tasks_unit_position"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_workload_tasks_position"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_workload_tasks_agency"
        `);
        await queryRunner.query(`
            DROP TABLE "workload_tasks"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_position_standards_agency"
        `);
        await queryRunner.query(`
            DROP TABLE "position_standards"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_programs_cohort"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_programs_plan"
        `);
        await queryRunner.query(`
            DROP TABLE "development_programs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_plans_decided_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_plans_submitted_by"
        `);
        await queryRunner.query(`
            DROP TABLE "development_plans"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_goals_course"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_goals_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_goals_agency"
        `);
        await queryRunner.query(`
            DROP TABLE "development_goals"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_competencies_national_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_competencies_agency_code"
        `);
        await queryRunner.query(`
            DROP TABLE "competencies"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_competency_settings_head"
        `);
        await queryRunner.query(`
            DROP TABLE "competency_settings"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_assessments_current"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_assessments_course_evidence"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_assessments_recorded_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_assessments_course"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_assessments_user"
        `);
        await queryRunner.query(`
            DROP TABLE "assessments"
        `);
    }

}
