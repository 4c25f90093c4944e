import { MigrationInterface, QueryRunner } from "typeorm";

export class Tracking1795350836802 implements MigrationInterface {
    name = 'Tracking1795350836802'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "tracking_attempts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "activity_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "package_version_id" uuid NOT NULL,
                "standard" text NOT NULL,
                "attempt_number" integer NOT NULL,
                "preview" boolean NOT NULL DEFAULT false,
                "session_count" integer NOT NULL DEFAULT '0',
                "status" text NOT NULL DEFAULT 'not_started',
                "score_scaled" double precision,
                "score_raw" double precision,
                "total_time_seconds" double precision NOT NULL DEFAULT '0',
                "sequencing_state" jsonb,
                "sequencing_session" integer NOT NULL DEFAULT '0',
                "current_item" text,
                "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_activity_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "ck_tracking_attempts_status" CHECK (
                    status IN (
                        'not_started',
                        'incomplete',
                        'completed',
                        'passed',
                        'failed'
                    )
                ),
                CONSTRAINT "PK_0dc2a69f79af4d89362726d152e" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_tracking_attempts_user" ON "tracking_attempts" ("user_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_tracking_attempts_activity" ON "tracking_attempts" ("activity_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_tracking_attempts_course" ON "tracking_attempts" ("course_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_tracking_attempts_version" ON "tracking_attempts" ("package_version_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_tracking_attempts_user_course" ON "tracking_attempts" ("user_id", "course_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tracking_attempts_number" ON "tracking_attempts" (
                "activity_id",
                "user_id",
                "preview",
                "attempt_number"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "tracking_sco_states" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "attempt_id" uuid NOT NULL,
                "sco_identifier" text NOT NULL,
                "cmi" jsonb NOT NULL DEFAULT '{}',
                "adl_data" jsonb,
                "completion_status" text,
                "success_status" text,
                "score_raw" double precision,
                "score_min" double precision,
                "score_max" double precision,
                "score_scaled" double precision,
                "total_time_seconds" double precision NOT NULL DEFAULT '0',
                "prior_time_seconds" double precision NOT NULL DEFAULT '0',
                "location" text,
                "suspend_data" text,
                "entry" text,
                "exit" text,
                "last_session" integer NOT NULL DEFAULT '0',
                "last_sequence" integer NOT NULL DEFAULT '0',
                "sessions" integer NOT NULL DEFAULT '0',
                "last_commit_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_8e458ffd89a86d63d1b23e0ad22" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tracking_sco_states_attempt_sco" ON "tracking_sco_states" ("attempt_id", "sco_identifier")
        `);
        await queryRunner.query(`
            CREATE TABLE "tracking_interactions" (
                "sco_state_id" uuid NOT NULL,
                "idx" integer NOT NULL,
                "attempt_id" uuid NOT NULL,
                "interaction_id" text NOT NULL,
                "type" text,
                "description" text,
                "learner_response" text,
                "correct_responses" text array NOT NULL DEFAULT '{}',
                "result" text,
                "weighting" double precision,
                "latency" text,
                "timestamp" text,
                "objective_ids" text array NOT NULL DEFAULT '{}',
                CONSTRAINT "pk_tracking_interactions" PRIMARY KEY ("sco_state_id", "idx")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_tracking_interactions_attempt" ON "tracking_interactions" ("attempt_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_tracking_interactions_interaction" ON "tracking_interactions" ("interaction_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "tracking_objectives" (
                "sco_state_id" uuid NOT NULL,
                "idx" integer NOT NULL,
                "attempt_id" uuid NOT NULL,
                "objective_id" text NOT NULL,
                "completion_status" text,
                "success_status" text,
                "score_scaled" double precision,
                "score_raw" double precision,
                "score_min" double precision,
                "score_max" double precision,
                "progress_measure" double precision,
                "description" text,
                CONSTRAINT "pk_tracking_objectives" PRIMARY KEY ("sco_state_id", "idx")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_tracking_objectives_attempt" ON "tracking_objectives" ("attempt_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_tracking_objectives_objective" ON "tracking_objectives" ("objective_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "tracking_commits" (
                "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
                "attempt_id" uuid NOT NULL,
                "sco_identifier" text NOT NULL,
                "session" integer NOT NULL,
                "sequence" integer NOT NULL,
                "terminate" boolean NOT NULL DEFAULT false,
                "applied" boolean NOT NULL DEFAULT true,
                "changed_keys" text array NOT NULL DEFAULT '{}',
                "diff" jsonb,
                "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c44b7f7be7930538199fef0fe1f" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_tracking_commits_key" ON "tracking_commits" (
                "attempt_id",
                "sco_identifier",
                "session",
                "sequence"
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "activity_results" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "activity_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "status" text NOT NULL,
                "score_scaled" double precision,
                "score_raw" double precision,
                "attempts" integer NOT NULL DEFAULT '0',
                "last_activity_at" TIMESTAMP WITH TIME ZONE,
                "completed_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_activity_results_status" CHECK (
                    status IN (
                        'not_started',
                        'incomplete',
                        'completed',
                        'passed',
                        'failed'
                    )
                ),
                CONSTRAINT "PK_6c9fd41ad7055896ac07923bebf" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_activity_results_activity" ON "activity_results" ("activity_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_activity_results_course_user" ON "activity_results" ("course_id", "user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_activity_results_user_activity" ON "activity_results" ("user_id", "activity_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_attempts"
            ADD CONSTRAINT "FK_4740b8ecee8ac2643d5bb2b8051" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_attempts"
            ADD CONSTRAINT "FK_5121fc4b1340c7863669cfab337" FOREIGN KEY ("activity_id") REFERENCES "course_activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_attempts"
            ADD CONSTRAINT "FK_7f8eed514bc3eae35864af73789" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_attempts"
            ADD CONSTRAINT "FK_5e38af3d57bda1f83ae697ccd0c" FOREIGN KEY ("package_version_id") REFERENCES "package_versions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_sco_states"
            ADD CONSTRAINT "FK_fa71ac48cce3c6e1614e711e409" FOREIGN KEY ("attempt_id") REFERENCES "tracking_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_interactions"
            ADD CONSTRAINT "FK_3ee5a248ec0645e098b8ac2a606" FOREIGN KEY ("sco_state_id") REFERENCES "tracking_sco_states"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_interactions"
            ADD CONSTRAINT "FK_04624ae7e4a4f8d5ae203961a2e" FOREIGN KEY ("attempt_id") REFERENCES "tracking_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_objectives"
            ADD CONSTRAINT "FK_2e36d7bab35ed6314bc8716ffe8" FOREIGN KEY ("sco_state_id") REFERENCES "tracking_sco_states"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_objectives"
            ADD CONSTRAINT "FK_72e73a12f70788433cff7482289" FOREIGN KEY ("attempt_id") REFERENCES "tracking_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_commits"
            ADD CONSTRAINT "FK_9b9982a3708d2a0343fb5f22044" FOREIGN KEY ("attempt_id") REFERENCES "tracking_attempts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_results"
            ADD CONSTRAINT "FK_75ee411afa917a4aefa5ef5b880" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_results"
            ADD CONSTRAINT "FK_bfecd9afebb5bbcaffa1f499b48" FOREIGN KEY ("activity_id") REFERENCES "course_activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_results"
            ADD CONSTRAINT "FK_a813c84875050bf0cad8286ac1a" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "activity_results" DROP CONSTRAINT "FK_a813c84875050bf0cad8286ac1a"
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_results" DROP CONSTRAINT "FK_bfecd9afebb5bbcaffa1f499b48"
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_results" DROP CONSTRAINT "FK_75ee411afa917a4aefa5ef5b880"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_commits" DROP CONSTRAINT "FK_9b9982a3708d2a0343fb5f22044"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_objectives" DROP CONSTRAINT "FK_72e73a12f70788433cff7482289"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_objectives" DROP CONSTRAINT "FK_2e36d7bab35ed6314bc8716ffe8"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_interactions" DROP CONSTRAINT "FK_04624ae7e4a4f8d5ae203961a2e"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_interactions" DROP CONSTRAINT "FK_3ee5a248ec0645e098b8ac2a606"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_sco_states" DROP CONSTRAINT "FK_fa71ac48cce3c6e1614e711e409"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_attempts" DROP CONSTRAINT "FK_5e38af3d57bda1f83ae697ccd0c"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_attempts" DROP CONSTRAINT "FK_7f8eed514bc3eae35864af73789"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_attempts" DROP CONSTRAINT "FK_5121fc4b1340c7863669cfab337"
        `);
        await queryRunner.query(`
            ALTER TABLE "tracking_attempts" DROP CONSTRAINT "FK_4740b8ecee8ac2643d5bb2b8051"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_activity_results_user_activity"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_activity_results_course_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_activity_results_activity"
        `);
        await queryRunner.query(`
            DROP TABLE "activity_results"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_tracking_commits_key"
        `);
        await queryRunner.query(`
            DROP TABLE "tracking_commits"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_tracking_objectives_objective"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_tracking_objectives_attempt"
        `);
        await queryRunner.query(`
            DROP TABLE "tracking_objectives"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_tracking_interactions_interaction"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_tracking_interactions_attempt"
        `);
        await queryRunner.query(`
            DROP TABLE "tracking_interactions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_tracking_sco_states_attempt_sco"
        `);
        await queryRunner.query(`
            DROP TABLE "tracking_sco_states"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_tracking_attempts_number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_tracking_attempts_user_course"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_tracking_attempts_version"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_tracking_attempts_course"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_tracking_attempts_activity"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_tracking_attempts_user"
        `);
        await queryRunner.query(`
            DROP TABLE "tracking_attempts"
        `);
    }

}
