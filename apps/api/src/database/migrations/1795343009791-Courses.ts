import { MigrationInterface, QueryRunner } from "typeorm";

export class Courses1795343009791 implements MigrationInterface {
    name = 'Courses1795343009791'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "courses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid,
                "code" text NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "cover_image_key" text,
                "category" text NOT NULL,
                "delivery_mode" text NOT NULL,
                "jp" numeric(6, 2) NOT NULL DEFAULT '0',
                "competencies" jsonb NOT NULL DEFAULT '[]',
                "completion_rule" text NOT NULL DEFAULT 'all_required',
                "completion_activity_ids" uuid array NOT NULL DEFAULT '{}',
                "certificate_on_completion" boolean NOT NULL DEFAULT false,
                "status" text NOT NULL DEFAULT 'draft',
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_courses_agency" ON "courses" ("agency_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_courses_status" ON "courses" ("status")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_courses_created_by" ON "courses" ("created_by")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_courses_platform_code" ON "courses" ("code")
            WHERE agency_id IS NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_courses_agency_code" ON "courses" ("agency_id", "code")
            WHERE agency_id IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "course_sections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "position" integer NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_03086ef0602f2721612a5ce610d" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_sections_course" ON "course_sections" ("course_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "course_activities" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "course_id" uuid NOT NULL,
                "section_id" uuid NOT NULL,
                "type" text NOT NULL,
                "title" text NOT NULL,
                "required" boolean NOT NULL DEFAULT true,
                "position" integer NOT NULL,
                "settings" jsonb NOT NULL DEFAULT '{}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b7e7036f6ccbdd65f5656691152" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_activities_course" ON "course_activities" ("course_id")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_activities_section" ON "course_activities" ("section_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "course_instructors" (
                "course_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_course_instructors" PRIMARY KEY ("course_id", "user_id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_course_instructors_user" ON "course_instructors" ("user_id")
        `);
        await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "FK_dcb83fd2d993d1b4da4896f1e41" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "courses"
            ADD CONSTRAINT "FK_16fcd8ab8bc042688984d5b3934" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_sections"
            ADD CONSTRAINT "FK_348f9a7c13a6b413f10d2a1ef1a" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_activities"
            ADD CONSTRAINT "FK_ced8ceb9b548805e55609de62c7" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_activities"
            ADD CONSTRAINT "FK_072a137bee0ad15d19e7738a2f5" FOREIGN KEY ("section_id") REFERENCES "course_sections"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_instructors"
            ADD CONSTRAINT "FK_ff1fe7ba07418a03281c94fac46" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_instructors"
            ADD CONSTRAINT "FK_c204a45ca0de73f6b7d2d0f9442" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "course_instructors" DROP CONSTRAINT "FK_c204a45ca0de73f6b7d2d0f9442"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_instructors" DROP CONSTRAINT "FK_ff1fe7ba07418a03281c94fac46"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_activities" DROP CONSTRAINT "FK_072a137bee0ad15d19e7738a2f5"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_activities" DROP CONSTRAINT "FK_ced8ceb9b548805e55609de62c7"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_sections" DROP CONSTRAINT "FK_348f9a7c13a6b413f10d2a1ef1a"
        `);
        await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "FK_16fcd8ab8bc042688984d5b3934"
        `);
        await queryRunner.query(`
            ALTER TABLE "courses" DROP CONSTRAINT "FK_dcb83fd2d993d1b4da4896f1e41"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_instructors_user"
        `);
        await queryRunner.query(`
            DROP TABLE "course_instructors"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_activities_section"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_activities_course"
        `);
        await queryRunner.query(`
            DROP TABLE "course_activities"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_course_sections_course"
        `);
        await queryRunner.query(`
            DROP TABLE "course_sections"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_courses_agency_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_courses_platform_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_courses_created_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_courses_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_courses_agency"
        `);
        await queryRunner.query(`
            DROP TABLE "courses"
        `);
    }

}
