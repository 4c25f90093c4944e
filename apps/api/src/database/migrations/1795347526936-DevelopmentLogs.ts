import { MigrationInterface, QueryRunner } from "typeorm";

export class DevelopmentLogs1795347526936 implements MigrationInterface {
    name = 'DevelopmentLogs1795347526936'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "development_logs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "form" text NOT NULL,
                "title" text NOT NULL,
                "organiser" text,
                "started_on" date NOT NULL,
                "ended_on" date NOT NULL,
                "hours" numeric(6, 2),
                "jp" numeric(6, 2) NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "status" text NOT NULL DEFAULT 'submitted',
                "proof_key" text NOT NULL,
                "proof_name" text NOT NULL,
                "proof_type" text NOT NULL,
                "proof_size" bigint NOT NULL,
                "decided_by" uuid,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decision_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_development_logs_jp" CHECK (jp > 0),
                CONSTRAINT "ck_development_logs_dates" CHECK (ended_on >= started_on),
                CONSTRAINT "ck_development_logs_status" CHECK (
                    status IN ('submitted', 'approved', 'rejected', 'withdrawn')
                ),
                CONSTRAINT "PK_2893f4a15cf02ab3128384bf7e5" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_logs_status" ON "development_logs" ("status")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_logs_decided_by" ON "development_logs" ("decided_by")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_development_logs_user_status" ON "development_logs" ("user_id", "status")
        `);
        await queryRunner.query(`
            ALTER TABLE "development_logs"
            ADD CONSTRAINT "FK_886275d1fea9bdb47095497c532" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "development_logs"
            ADD CONSTRAINT "FK_162686f2a171c8b849ee7160e3e" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "development_logs" DROP CONSTRAINT "FK_162686f2a171c8b849ee7160e3e"
        `);
        await queryRunner.query(`
            ALTER TABLE "development_logs" DROP CONSTRAINT "FK_886275d1fea9bdb47095497c532"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_logs_user_status"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_logs_decided_by"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_development_logs_status"
        `);
        await queryRunner.query(`
            DROP TABLE "development_logs"
        `);
    }

}
