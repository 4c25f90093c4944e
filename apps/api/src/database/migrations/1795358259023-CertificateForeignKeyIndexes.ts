import { MigrationInterface, QueryRunner } from "typeorm";

export class CertificateForeignKeyIndexes1795358259023 implements MigrationInterface {
    name = 'CertificateForeignKeyIndexes1795358259023'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX "ix_certificate_assets_agency" ON "certificate_assets" ("agency_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_certificate_settings_template" ON "course_certificate_settings" ("template_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificates_template_version" ON "certificates" ("template_version_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificate_bulk_jobs_course" ON "certificate_bulk_jobs" ("course_id")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificate_bulk_jobs_course"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_template_version"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_certificate_settings_template"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificate_assets_agency"
        `);
    }

}
