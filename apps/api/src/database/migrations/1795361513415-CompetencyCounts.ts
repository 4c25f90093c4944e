import { MigrationInterface, QueryRunner } from "typeorm";

export class CompetencyCounts1795361513415 implements MigrationInterface {
    name = 'CompetencyCounts1795361513415'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "competency_counted_employees" (
                "user_id" uuid NOT NULL,
                "agency_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "holds_until" date,
                "needing" boolean NOT NULL,
                "needing_with_evidence" boolean NOT NULL,
                CONSTRAINT "pk_competency_counted_employees" PRIMARY KEY ("user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_competency_counted_employees_until" ON "competency_counted_employees" ("holds_until")
            WHERE holds_until IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_competency_counted_employees_agency" ON "competency_counted_employees" ("agency_id", "unit_id", "position_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "competency_current_levels" (
                "user_id" uuid NOT NULL,
                "competency_code" text NOT NULL,
                "level" smallint,
                "level_with_evidence" smallint,
                CONSTRAINT "pk_competency_current_levels" PRIMARY KEY ("user_id", "competency_code")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "competency_level_counts" (
                "agency_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "competency_code" text NOT NULL,
                "with_evidence" boolean NOT NULL,
                "level" smallint NOT NULL,
                "employees" integer NOT NULL,
                CONSTRAINT "pk_competency_level_counts" PRIMARY KEY (
                    "agency_id",
                    "unit_id",
                    "position_id",
                    "competency_code",
                    "with_evidence",
                    "level"
                )
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "competency_placement_counts" (
                "agency_id" uuid NOT NULL,
                "unit_id" uuid NOT NULL,
                "position_id" uuid NOT NULL,
                "employees" integer NOT NULL,
                "needing" integer NOT NULL,
                "needing_with_evidence" integer NOT NULL,
                CONSTRAINT "pk_competency_placement_counts" PRIMARY KEY ("agency_id", "unit_id", "position_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "competency_count_states" (
                "agency_id" uuid NOT NULL,
                "standards_hash" text NOT NULL,
                CONSTRAINT "pk_competency_count_states" PRIMARY KEY ("agency_id")
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "competency_count_states"
        `);
        await queryRunner.query(`
            DROP TABLE "competency_placement_counts"
        `);
        await queryRunner.query(`
            DROP TABLE "competency_level_counts"
        `);
        await queryRunner.query(`
            DROP TABLE "competency_current_levels"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_competency_counted_employees_agency"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_competency_counted_employees_until"
        `);
        await queryRunner.query(`
            DROP TABLE "competency_counted_employees"
        `);
    }

}
