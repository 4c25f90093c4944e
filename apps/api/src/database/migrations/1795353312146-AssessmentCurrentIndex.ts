import { MigrationInterface, QueryRunner } from "typeorm";

export class AssessmentCurrentIndex1795353312146 implements MigrationInterface {
    name = 'AssessmentCurrentIndex1795353312146'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_assessments_current"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_assessments_current" ON "assessments" (
                "agency_id",
                "user_id",
                "competency_code",
                "assessed_on",
                "source",
                "level",
                "valid_until"
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_assessments_current"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_assessments_current" ON "assessments" USING btree (
                "agency_id",
                "assessed_on",
                "competency_code",
                "user_id"
            )
        `);
    }

}
