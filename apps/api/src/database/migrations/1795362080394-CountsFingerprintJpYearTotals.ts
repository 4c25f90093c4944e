import { MigrationInterface, QueryRunner } from "typeorm";

export class CountsFingerprintJpYearTotals1795362080394 implements MigrationInterface {
    name = 'CountsFingerprintJpYearTotals1795362080394'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "jp_year_totals" (
                "user_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "earned" numeric(10, 2) NOT NULL,
                CONSTRAINT "pk_jp_year_totals" PRIMARY KEY ("user_id", "year")
            )
        `);
        await queryRunner.query(`
            ALTER TABLE "competency_count_states"
            ADD "placement_fingerprint" text
        `);
        await queryRunner.query(`
            ALTER TABLE "jp_year_totals"
            ADD CONSTRAINT "FK_2771de0d9d59cc34f15c158833e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "jp_year_totals" DROP CONSTRAINT "FK_2771de0d9d59cc34f15c158833e"
        `);
        await queryRunner.query(`
            ALTER TABLE "competency_count_states" DROP COLUMN "placement_fingerprint"
        `);
        await queryRunner.query(`
            DROP TABLE "jp_year_totals"
        `);
    }

}
