import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TBulkIssueOutcome, TBulkJobStatus, TCertificateStatus, TTemplateContent } from '@asah/contracts/certificates';
import { Agency } from '../agencies/agency.entity';
import { Course } from '../courses/course.entity';
import { User } from '../users/user.entity';

/** An uploaded image or PDF a template uses (background, signature, logo); bytes in object storage. */
@Entity('certificate_assets')
@Index('ix_certificate_assets_agency', ['agencyId'])
@Check('ck_certificate_assets_kind', "kind IN ('background', 'signature', 'logo')")
export class CertificateAsset {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column({ type: 'text' })
  kind: 'background' | 'signature' | 'logo';

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType: 'image/png' | 'image/jpeg' | 'application/pdf';

  @Column({ type: 'integer' })
  size: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A template; its content lives in versions (certificates keep the version they were issued with). */
@Entity('certificate_templates')
@Index('ix_certificate_templates_agency', ['agencyId'])
export class CertificateTemplate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  /** Name of the current version, for lists. */
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'current_version', type: 'integer', default: 1 })
  currentVersion: number;

  @Column({ type: 'boolean', default: false })
  archived: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** An immutable snapshot of a template's content; every save adds one. */
@Entity('certificate_template_versions')
@Index('uq_certificate_template_versions', ['templateId', 'version'], { unique: true })
export class CertificateTemplateVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @ManyToOne(() => CertificateTemplate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'template_id' })
  template?: CertificateTemplate;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  content: TTemplateContent;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * Per agency: the numbering scheme, and the next status-list index. Its row is locked by every
 * issuing transaction of the agency (with the yearly counter), which keeps numbers gapless.
 */
@Entity('certificate_numbering')
export class CertificateNumbering {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid', primaryKeyConstraintName: 'pk_certificate_numbering' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column({ type: 'text' })
  scheme: string;

  /** Next free index in the agency's BitstringStatusList. */
  @Column({ name: 'next_status_index', type: 'integer', default: 0 })
  nextStatusIndex: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The yearly sequence of an agency: `last_seq` is the last number handed out in `year`. */
@Entity('certificate_counters')
@Check('ck_certificate_counters_seq', 'last_seq >= 0')
export class CertificateCounter {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid', primaryKeyConstraintName: 'pk_certificate_counters' })
  agencyId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_certificate_counters' })
  year: number;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column({ name: 'last_seq', type: 'integer', default: 0 })
  lastSeq: number;
}

/** Whether completing the course issues a certificate, and from which template. */
@Entity('course_certificate_settings')
@Index('ix_course_certificate_settings_template', ['templateId'])
export class CourseCertificateSettings {
  @PrimaryColumn({ name: 'course_id', type: 'uuid', primaryKeyConstraintName: 'pk_course_certificate_settings' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ name: 'auto_issue', type: 'boolean', default: false })
  autoIssue: boolean;

  @Column({ name: 'template_id', type: 'uuid', nullable: true })
  templateId: string | null;

  @ManyToOne(() => CertificateTemplate, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'template_id' })
  template?: CertificateTemplate;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * An issued certificate: everything it states is copied here at issue time (holder, course, JP,
 * signer, issuer, template version), so it never changes when those records do. Only revocation
 * updates a row. At most one valid certificate per learner and course.
 */
@Entity('certificates')
@Index('ix_certificates_template_version', ['templateVersionId'])
@Check('ck_certificates_status', "status IN ('valid', 'revoked')")
@Check('ck_certificates_method', "method IN ('auto', 'manual', 'bulk')")
@Index('uq_certificates_number', ['agencyId', 'number'], { unique: true })
@Index('uq_certificates_code', ['verificationCode'], { unique: true })
@Index('uq_certificates_status_index', ['agencyId', 'statusIndex'], { unique: true })
@Index('uq_certificates_idempotency', ['idempotencyKey'], { unique: true, where: 'idempotency_key IS NOT NULL' })
@Index('uq_certificates_valid_course_user', ['courseId', 'userId'], { unique: true, where: "status = 'valid'" })
@Index('ix_certificates_user', ['userId'])
@Index('ix_certificates_agency_issued', ['agencyId', 'issuedAt'])
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ name: 'enrolment_id', type: 'uuid', nullable: true })
  enrolmentId: string | null;

  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'verification_code', type: 'text' })
  verificationCode: string;

  @Column({ type: 'text', default: 'valid' })
  status: TCertificateStatus;

  @Column({ type: 'text' })
  method: 'auto' | 'manual' | 'bulk';

  @Column({ name: 'holder_name', type: 'text' })
  holderName: string;

  @Column({ name: 'holder_nip', type: 'text', nullable: true })
  holderNip: string | null;

  @Column({ name: 'course_code', type: 'text' })
  courseCode: string;

  @Column({ name: 'course_title', type: 'text' })
  courseTitle: string;

  @Column({ type: 'numeric', precision: 6, scale: 2 })
  jp: string;

  @Column({ name: 'completed_on', type: 'date' })
  completedOn: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'issuer_code', type: 'text' })
  issuerCode: string;

  @Column({ name: 'issuer_name', type: 'text' })
  issuerName: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Column({ name: 'template_version_id', type: 'uuid' })
  templateVersionId: string;

  @ManyToOne(() => CertificateTemplateVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'template_version_id' })
  templateVersion?: CertificateTemplateVersion;

  @Column({ name: 'template_version', type: 'integer' })
  templateVersionNumber: number;

  @Column({ name: 'signer_name', type: 'text' })
  signerName: string;

  @Column({ name: 'signer_title', type: 'text' })
  signerTitle: string;

  @Column({ name: 'signer_nip', type: 'text', nullable: true })
  signerNip: string | null;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy: string | null;

  /** `enrolment:<id>` (automatic), `bulk:<job>:<position>`: the same request never issues twice. */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ name: 'status_index', type: 'integer' })
  statusIndex: number;

  /** The signed Open Badges credential, as issued. */
  @Column({ type: 'jsonb' })
  credential: Record<string, unknown>;

  /** The stored PDF; null until rendered (rendering is deterministic, so it can happen any time). */
  @Column({ name: 'pdf_key', type: 'text', nullable: true })
  pdfKey: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'uuid', nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Audit trail of certificates: who issued or revoked what, when, why. Append-only. */
@Entity('certificate_audit')
@Check('ck_certificate_audit_action', "action IN ('issued', 'revoked')")
@Index('ix_certificate_audit_certificate', ['certificateId'])
export class CertificateAudit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'certificate_id', type: 'uuid' })
  certificateId: string;

  @ManyToOne(() => Certificate, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'certificate_id' })
  certificate?: Certificate;

  @Column({ type: 'text' })
  action: 'issued' | 'revoked';

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}

/**
 * An agency's Ed25519 signing key. The private key is encrypted at rest (AES-256-GCM with
 * CREDENTIAL_KEY_SECRET); one active key per agency, retired keys stay published for verification.
 */
@Entity('issuer_keys')
@Index('uq_issuer_keys_active', ['agencyId'], { unique: true, where: 'active' })
export class IssuerKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => Agency, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency;

  /** Multibase (base58btc) Multikey of the raw public key. */
  @Column({ name: 'public_key_multibase', type: 'text' })
  publicKeyMultibase: string;

  /** iv (12) | tag (16) | ciphertext of the PKCS#8 DER private key. */
  @Column({ name: 'private_key_encrypted', type: 'bytea' })
  privateKeyEncrypted: Buffer;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}

/** A bulk issuing request; its items are the durable to-do list and the result report. */
@Entity('certificate_bulk_jobs')
@Index('ix_certificate_bulk_jobs_course', ['courseId'])
@Check('ck_certificate_bulk_jobs_status', "status IN ('queued', 'running', 'completed', 'failed')")
@Index('ix_certificate_bulk_jobs_agency', ['agencyId', 'createdAt'])
export class CertificateBulkJob {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId: string;

  @Column({ type: 'text', default: 'queued' })
  status: TBulkJobStatus;

  @Column({ type: 'integer' })
  total: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}

/** One person of a bulk job; `outcome` is set in the transaction that issues (idempotency key `bulk:<job>:<position>`). */
@Entity('certificate_bulk_items')
@Index('ix_certificate_bulk_items_pending', ['jobId', 'position'], { where: 'outcome IS NULL' })
export class CertificateBulkItem {
  @PrimaryColumn({ name: 'job_id', type: 'uuid', primaryKeyConstraintName: 'pk_certificate_bulk_items' })
  jobId: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_certificate_bulk_items' })
  position: number;

  @ManyToOne(() => CertificateBulkJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id' })
  job?: CertificateBulkJob;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text', nullable: true })
  nip: string | null;

  @Column({ type: 'text', nullable: true })
  name: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: TBulkIssueOutcome | null;

  @Column({ type: 'text', nullable: true })
  message: string | null;

  @Column({ name: 'certificate_id', type: 'uuid', nullable: true })
  certificateId: string | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
