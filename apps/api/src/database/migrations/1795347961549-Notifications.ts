import { MigrationInterface, QueryRunner } from "typeorm";

export class Notifications1795347961549 implements MigrationInterface {
    name = 'Notifications1795347961549'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "type" text NOT NULL,
                "data" jsonb NOT NULL DEFAULT '{}',
                "dedupe_key" text,
                "read_at" TIMESTAMP WITH TIME ZONE,
                "emailed_at" TIMESTAMP WITH TIME ZONE,
                "email_error" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("user_id", "dedupe_key")
            WHERE dedupe_key IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_outbox" ON "notifications" ("created_at")
            WHERE emailed_at IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_unread" ON "notifications" ("user_id")
            WHERE read_at IS NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_user_created" ON "notifications" ("user_id", "created_at")
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_user_created"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_unread"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_notifications_outbox"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_notifications_dedupe"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
    }

}
