import { MigrationInterface, QueryRunner } from "typeorm";

export class ContentPackages1795343398806 implements MigrationInterface {
    name = 'ContentPackages1795343398806'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "content_files" (
                "id" uuid NOT NULL,
                "activity_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "current" boolean NOT NULL DEFAULT false,
                "storage_key" text NOT NULL,
                "file_name" text NOT NULL,
                "content_type" text NOT NULL,
                "size_bytes" bigint NOT NULL,
                "uploaded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_content_files" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_files_uploaded_by" ON "content_files" ("uploaded_by")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_content_files_current" ON "content_files" ("activity_id")
            WHERE current
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_content_files_activity" ON "content_files" ("activity_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "package_versions" (
                "id" uuid NOT NULL,
                "activity_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "current" boolean NOT NULL DEFAULT false,
                "package_type" text NOT NULL,
                "standard" text NOT NULL,
                "edition" text,
                "standard_label" text NOT NULL,
                "title" text,
                "report" jsonb NOT NULL,
                "structure" jsonb NOT NULL,
                "launch_pages" jsonb NOT NULL,
                "file_count" integer NOT NULL,
                "total_bytes" bigint NOT NULL,
                "uploaded_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_package_versions" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_package_versions_uploaded_by" ON "package_versions" ("uploaded_by")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_package_versions_current" ON "package_versions" ("activity_id")
            WHERE current
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_package_versions_activity_version" ON "package_versions" ("activity_id", "version")
        `);
        await queryRunner.query(`
            ALTER TABLE "content_files"
            ADD CONSTRAINT "FK_b0cfe5a26efe079d8ae0dfa6460" FOREIGN KEY ("activity_id") REFERENCES "course_activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "content_files"
            ADD CONSTRAINT "FK_4f25c11238031352b4b5b1f0093" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "package_versions"
            ADD CONSTRAINT "FK_1c79a098367941cbb12c4930b49" FOREIGN KEY ("activity_id") REFERENCES "course_activities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "package_versions"
            ADD CONSTRAINT "FK_2f4b052b8068cb261b2bec5a795" FOREIGN KEY ("uploaded_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "package_versions" DROP CONSTRAINT "FK_2f4b052b8068cb261b2bec5a795"
        `);
        await queryRunner.query(`
            ALTER TABLE "package_versions" DROP CONSTRAINT "FK_1c79a098367941cbb12c4930b49"
        `);
        await queryRunner.query(`
            ALTER TABLE "content_files" DROP CONSTRAINT "FK_4f25c11238031352b4b5b1f0093"
        `);
        await queryRunner.query(`
            ALTER TABLE "content_files" DROP CONSTRAINT "FK_b0cfe5a26efe079d8ae0dfa6460"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_package_versions_activity_version"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_package_versions_current"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_package_versions_uploaded_by"
        `);
        await queryRunner.query(`
            DROP TABLE "package_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_files_activity"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_content_files_current"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_content_files_uploaded_by"
        `);
        await queryRunner.query(`
            DROP TABLE "content_files"
        `);
    }

}
