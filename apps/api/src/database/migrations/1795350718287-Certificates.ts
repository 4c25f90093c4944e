import { MigrationInterface, QueryRunner } from "typeorm";

export class Certificates1795350718287 implements MigrationInterface {
    name = 'Certificates1795350718287'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "certificate_assets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "storage_key" text NOT NULL,
                "content_type" text NOT NULL,
                "size" integer NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_certificate_assets_kind" CHECK (kind IN ('background', 'signature', 'logo')),
                CONSTRAINT "PK_d4a499082f00d17a89c097336c8" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "certificate_templates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "name" text NOT NULL,
                "current_version" integer NOT NULL DEFAULT '1',
                "archived" boolean NOT NULL DEFAULT false,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_9704620367ce59e9aa60204ed30" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificate_templates_agency" ON "certificate_templates" ("agency_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "certificate_template_versions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "template_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "content" jsonb NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ffa652fcecc568abe542bbd3354" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_certificate_template_versions" ON "certificate_template_versions" ("template_id", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "certificate_numbering" (
                "agency_id" uuid NOT NULL,
                "scheme" text NOT NULL,
                "next_status_index" integer NOT NULL DEFAULT '0',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_certificate_numbering" PRIMARY KEY ("agency_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "certificate_counters" (
                "agency_id" uuid NOT NULL,
                "year" integer NOT NULL,
                "last_seq" integer NOT NULL DEFAULT '0',
                CONSTRAINT "ck_certificate_counters_seq" CHECK (last_seq >= 0),
                CONSTRAINT "pk_certificate_counters" PRIMARY KEY ("agency_id", "year")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "course_certificate_settings" (
                "course_id" uuid NOT NULL,
                "auto_issue" boolean NOT NULL DEFAULT false,
                "template_id" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_course_certificate_settings" PRIMARY KEY ("course_id")
            )
        `);
        await queryRunner.query(`
            CREATE TABLE "certificates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "enrolment_id" uuid,
                "number" text NOT NULL,
                "verification_code" text NOT NULL,
                "status" text NOT NULL DEFAULT 'valid',
                "method" text NOT NULL,
                "holder_name" text NOT NULL,
                "holder_nip" text,
                "course_code" text NOT NULL,
                "course_title" text NOT NULL,
                "jp" numeric(6, 2) NOT NULL,
                "completed_on" date NOT NULL,
                "issued_on" date NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "issuer_code" text NOT NULL,
                "issuer_name" text NOT NULL,
                "template_id" uuid NOT NULL,
                "template_version_id" uuid NOT NULL,
                "template_version" integer NOT NULL,
                "signer_name" text NOT NULL,
                "signer_title" text NOT NULL,
                "signer_nip" text,
                "issued_by" uuid,
                "idempotency_key" text,
                "status_index" integer NOT NULL,
                "credential" jsonb NOT NULL,
                "pdf_key" text,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_by" uuid,
                "revocation_reason" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_certificates_method" CHECK (method IN ('auto', 'manual', 'bulk')),
                CONSTRAINT "ck_certificates_status" CHECK (status IN ('valid', 'revoked')),
                CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificates_agency_issued" ON "certificates" ("agency_id", "issued_at")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificates_user" ON "certificates" ("user_id")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_certificates_valid_course_user" ON "certificates" ("course_id", "user_id")
            WHERE status = 'valid'
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_certificates_idempotency" ON "certificates" ("idempotency_key")
            WHERE idempotency_key IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_certificates_status_index" ON "certificates" ("agency_id", "status_index")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_certificates_code" ON "certificates" ("verification_code")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_certificates_number" ON "certificates" ("agency_id", "number")
        `);
        await queryRunner.query(`
            CREATE TABLE "certificate_audit" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "certificate_id" uuid NOT NULL,
                "action" text NOT NULL,
                "actor_id" uuid,
                "reason" text,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_certificate_audit_action" CHECK (action IN ('issued', 'revoked')),
                CONSTRAINT "PK_85ef43631dcf96eb322960f51b0" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificate_audit_certificate" ON "certificate_audit" ("certificate_id")
        `);
        await queryRunner.query(`
            CREATE TABLE "issuer_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "public_key_multibase" text NOT NULL,
                "private_key_encrypted" bytea NOT NULL,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "retired_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5ef739799f142784510bb3860ce" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_issuer_keys_active" ON "issuer_keys" ("agency_id")
            WHERE active
        `);
        await queryRunner.query(`
            CREATE TABLE "certificate_bulk_jobs" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "agency_id" uuid NOT NULL,
                "course_id" uuid NOT NULL,
                "template_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'queued',
                "total" integer NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "started_at" TIMESTAMP WITH TIME ZONE,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "error" text,
                CONSTRAINT "ck_certificate_bulk_jobs_status" CHECK (
                    status IN ('queued', 'running', 'completed', 'failed')
                ),
                CONSTRAINT "PK_73a1f895be20d78974d6a822c07" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificate_bulk_jobs_agency" ON "certificate_bulk_jobs" ("agency_id", "created_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "certificate_bulk_items" (
                "job_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "user_id" uuid,
                "nip" text,
                "name" text,
                "outcome" text,
                "message" text,
                "certificate_id" uuid,
                "processed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "pk_certificate_bulk_items" PRIMARY KEY ("job_id", "position")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_certificate_bulk_items_pending" ON "certificate_bulk_items" ("job_id", "position")
            WHERE outcome IS NULL
        `);
        await queryRunner.query(`
            CREATE TABLE "domain_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "type" text NOT NULL,
                "payload" jsonb NOT NULL DEFAULT '{}',
                "dedupe_key" text,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_66e0920a32dda3a89b46ee7a981" PRIMARY KEY ("id")
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_domain_events_dedupe" ON "domain_events" ("dedupe_key")
            WHERE dedupe_key IS NOT NULL
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_domain_events_type_occurred" ON "domain_events" ("type", "occurred_at")
        `);
        await queryRunner.query(`
            CREATE TABLE "event_deliveries" (
                "event_id" uuid NOT NULL,
                "subscriber" text NOT NULL,
                "status" text NOT NULL,
                "attempts" integer NOT NULL DEFAULT '1',
                "last_error" text,
                "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "ck_event_deliveries_status" CHECK (status IN ('done', 'failed')),
                CONSTRAINT "pk_event_deliveries" PRIMARY KEY ("event_id", "subscriber")
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_event_deliveries_pending" ON "event_deliveries" ("subscriber")
            WHERE status <> 'done'
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_assets"
            ADD CONSTRAINT "FK_12156f8612142b8e108d8eaaf02" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_templates"
            ADD CONSTRAINT "FK_4cd6daaa8a427f358d56ca06612" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_template_versions"
            ADD CONSTRAINT "FK_97bb193f06f1fc0b5eb64dcc5c0" FOREIGN KEY ("template_id") REFERENCES "certificate_templates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_numbering"
            ADD CONSTRAINT "FK_a1caed924611e0ba990cc2594e9" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_counters"
            ADD CONSTRAINT "FK_3303d03b8b9bb92b1fef33c72c5" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_certificate_settings"
            ADD CONSTRAINT "FK_3982e4d0f5ca54eb450da23ab0b" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "course_certificate_settings"
            ADD CONSTRAINT "FK_31b030eda9bc6a2e691c9ff3110" FOREIGN KEY ("template_id") REFERENCES "certificate_templates"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_e5e6e865211d9efc4eae69faee9" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_88f90b1b9c635c14271e509cec0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_3b6a412073ea28153dc20a843b4" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates"
            ADD CONSTRAINT "FK_9eeb63b6789d23b9a9fc0387995" FOREIGN KEY ("template_version_id") REFERENCES "certificate_template_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_audit"
            ADD CONSTRAINT "FK_bd3b1ec04d566936c47d9fc5293" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "issuer_keys"
            ADD CONSTRAINT "FK_1c47d7edd222106c68771280765" FOREIGN KEY ("agency_id") REFERENCES "agencies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_bulk_jobs"
            ADD CONSTRAINT "FK_8be6846b06c62957c139447c431" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_bulk_items"
            ADD CONSTRAINT "FK_2e54d4268229d3d21d04e1dd347" FOREIGN KEY ("job_id") REFERENCES "certificate_bulk_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "certificate_bulk_items" DROP CONSTRAINT "FK_2e54d4268229d3d21d04e1dd347"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_bulk_jobs" DROP CONSTRAINT "FK_8be6846b06c62957c139447c431"
        `);
        await queryRunner.query(`
            ALTER TABLE "issuer_keys" DROP CONSTRAINT "FK_1c47d7edd222106c68771280765"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_audit" DROP CONSTRAINT "FK_bd3b1ec04d566936c47d9fc5293"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_9eeb63b6789d23b9a9fc0387995"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_3b6a412073ea28153dc20a843b4"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_88f90b1b9c635c14271e509cec0"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificates" DROP CONSTRAINT "FK_e5e6e865211d9efc4eae69faee9"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_certificate_settings" DROP CONSTRAINT "FK_31b030eda9bc6a2e691c9ff3110"
        `);
        await queryRunner.query(`
            ALTER TABLE "course_certificate_settings" DROP CONSTRAINT "FK_3982e4d0f5ca54eb450da23ab0b"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_counters" DROP CONSTRAINT "FK_3303d03b8b9bb92b1fef33c72c5"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_numbering" DROP CONSTRAINT "FK_a1caed924611e0ba990cc2594e9"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_template_versions" DROP CONSTRAINT "FK_97bb193f06f1fc0b5eb64dcc5c0"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_templates" DROP CONSTRAINT "FK_4cd6daaa8a427f358d56ca06612"
        `);
        await queryRunner.query(`
            ALTER TABLE "certificate_assets" DROP CONSTRAINT "FK_12156f8612142b8e108d8eaaf02"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_event_deliveries_pending"
        `);
        await queryRunner.query(`
            DROP TABLE "event_deliveries"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_domain_events_type_occurred"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_domain_events_dedupe"
        `);
        await queryRunner.query(`
            DROP TABLE "domain_events"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificate_bulk_items_pending"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate_bulk_items"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificate_bulk_jobs_agency"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate_bulk_jobs"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_issuer_keys_active"
        `);
        await queryRunner.query(`
            DROP TABLE "issuer_keys"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificate_audit_certificate"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate_audit"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_certificates_number"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_certificates_code"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_certificates_status_index"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_certificates_idempotency"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_certificates_valid_course_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_user"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificates_agency_issued"
        `);
        await queryRunner.query(`
            DROP TABLE "certificates"
        `);
        await queryRunner.query(`
            DROP TABLE "course_certificate_settings"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate_counters"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate_numbering"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."uq_certificate_template_versions"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate_template_versions"
        `);
        await queryRunner.query(`
            DROP INDEX "public"."ix_certificate_templates_agency"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate_templates"
        `);
        await queryRunner.query(`
            DROP TABLE "certificate_assets"
        `);
    }

}
