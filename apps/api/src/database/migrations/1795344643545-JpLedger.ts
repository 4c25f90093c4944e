import { MigrationInterface, QueryRunner } from "typeorm";

export class JpLedger1795344643545 implements MigrationInterface {
    name = 'JpLedger1795344643545'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "jp_ledger_entries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "jp" numeric(6, 2) NOT NULL,
                "source_type" text NOT NULL,
                "source_id" uuid NOT NULL,
                "description" text NOT NULL,
                "occurred_on" date NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "uq_jp_ledger_source" UNIQUE ("source_type", "source_id", "user_id"),
                CONSTRAINT "ck_jp_ledger_source_type" CHECK (
                    source_type IN (
                        'course_completion',
                        'classroom_session',
                        'non_classroom'
                    )
                ),
                CONSTRAINT "ck_jp_ledger_jp" CHECK (jp >= 0),
                CONSTRAINT "ck_jp_ledger_year" CHECK (
                    year = EXTRACT(
                        YEAR
                        FROM occurred_on
                    )
                ),
                CONSTRAINT "PK_2d9cc86ac2044483751f8abb931" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_jp_ledger_user_year" ON "jp_ledger_entries" ("user_id", "year")
        `);
        await queryRunner.query(`
            CREATE TABLE "jp_targets" (
                "agency_id" uuid NOT NULL,
                "employment_type" text NOT NULL,
                "target_jp" numeric(6, 2),
                "cap_jp" numeric(6, 2),
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_jp_targets_amounts" CHECK (
                    (
                        target_jp IS NULL
                        OR target_jp >= 0
                    )
                    AND (
                        cap_jp IS NULL
                        OR cap_jp >= 0
                    )
                ),
                CONSTRAINT "ck_jp_targets_cap" CHECK (
                    target_jp IS NULL
                    OR cap_jp IS NULL
                    OR cap_jp >= target_jp
                ),
                CONSTRAINT "ck_jp_targets_type" CHECK (employment_type IN ('PNS', 'PPPK')),
                CONSTRAINT "pk_jp_targets" PRIMARY KEY ("agency_id", "employment_type")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_jp_targets_updated_by" ON "jp_targets" ("updated_by")
        `);
        await queryRunner.query(`
            ALTER TABLE "jp_ledger_entries"
            ADD CONSTRAINT "FK_d99cd212d6a3244c1ae4a5a5ee2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "jp_targets"
            ADD CONSTRAINT "FK_d224ee439bf6a418605dfb020e9" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "jp_targets"
            ADD CONSTRAINT "FK_17560c7b8f3b281a9b53e0efafc" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "jp_targets" DROP CONSTRAINT "FK_17560c7b8f3b281a9b53e0efafc"
        `);
        await queryRunner.query(`
            ALTER TABLE "jp_targets" DROP CONSTRAINT "FK_d224ee439bf6a418605dfb020e9"
        `);
        await queryRunner.query(`
            ALTER TABLE "jp_ledger_entries" DROP CONSTRAINT "FK_d99cd212d6a3244c1ae4a5a5ee2"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_jp_targets_updated_by"
        `);
        await queryRunner.query(`
            DROP TABLE "jp_targets"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_jp_ledger_user_year"
        `);
        await queryRunner.query(`
            DROP TABLE "jp_ledger_entries"
        `);
    }

}
