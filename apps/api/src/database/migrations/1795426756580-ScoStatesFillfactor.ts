import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Written by hand (TypeORM does not model storage parameters, so `migration:generate` never sees
 * them). A SCO's state row (the CMI and its suspend_data, up to ~2 KB in the row: PostgreSQL
 * compresses or moves out what is longer) is rewritten on every commit. With full pages each new
 * version went to another page: in the commit benchmark 94 % of the updates left their page, the
 * table grew to 136 MB for 570 live rows during a 30 s burst, and each update added index entries.
 * Half-full pages keep the next version on the same page (a HOT update, 99.5 % in the same
 * benchmark), and PostgreSQL's CPU per commit fell by a fifth (docs/decisions.md, 59). Applies to
 * pages written from now on; `VACUUM FULL tracking_sco_states` repacks an existing table.
 */
export class ScoStatesFillfactor1795426756580 implements MigrationInterface {
    name = 'ScoStatesFillfactor1795426756580'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "tracking_sco_states" SET (fillfactor = 50)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "tracking_sco_states" RESET (fillfactor)`);
    }
}
