import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ASSET_MAX_BYTES,
  DEFAULT_NUMBER_SCHEME,
  type TAgencyCertificateSettings,
  type TAsset,
  type TCourseCertificateSettings,
  type TTemplate,
  type TTemplateContent,
  type TTemplateQuery,
} from '@asah/contracts/certificates';
import type { TPage } from '@asah/contracts/common';
import { UPLOAD_FIELD } from '@asah/contracts/content';
import { Actor, canSeeAgency } from '../../common/auth/actor';
import { likePattern } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { resolveAgency } from '../agencies/agency-scope';
import { sniffImage } from '../content/media-types';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/object-storage';
import { CertificateAsset, CertificateTemplate, CertificateTemplateVersion, CourseCertificateSettings } from './certificate.entities';
import { certificateValues, CertificatePdfService } from './certificate-pdf.service';
import { formatNumber } from './numbering';
import { renderCertificatePdf } from './pdf/render-certificate';

export interface UploadedAsset {
  buffer: Buffer;
  originalname: string;
}

/** Templates (versioned), their uploaded images, numbering and per-course settings. */
@Injectable()
export class TemplatesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly pdf: CertificatePdfService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: TTemplateQuery): Promise<TPage<TTemplate>> {
    const agencyId = await resolveAgency(this.db.manager, actor, query.agencyId).catch((e) => {
      if (!query.agencyId && actor.agencyId === null) return null; // platform admin: every agency
      throw e;
    });
    const qb = this.db.getRepository(CertificateTemplate).createQueryBuilder('t');
    if (agencyId) qb.andWhere('t.agencyId = :agencyId', { agencyId });
    if (!query.includeArchived) qb.andWhere('NOT t.archived');
    if (query.q) qb.andWhere('t.name ILIKE :q', { q: likePattern(query.q) });
    const [rows, total] = await qb.orderBy('t.updatedAt', 'DESC').skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    const items = await Promise.all(rows.map((t) => this.view(this.db.manager, t)));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async one(actor: Actor, id: string): Promise<TTemplate> {
    return this.view(this.db.manager, await this.reachable(this.db.manager, actor, id));
  }

  async create(actor: Actor, input: TTemplateContent & { agencyId?: string }, manager: EntityManager = this.db.manager): Promise<TTemplate> {
    const agencyId = await resolveAgency(manager, actor, input.agencyId);
    const { agencyId: _a, ...content } = input;
    return manager.transaction(async (tx) => {
      await this.checkAssets(tx, agencyId, content);
      const template = await tx.getRepository(CertificateTemplate).save({ agencyId, name: content.name, currentVersion: 1, archived: false });
      await tx.getRepository(CertificateTemplateVersion).insert({ templateId: template.id, version: 1, content, createdBy: actor.userId });
      return this.view(tx, template);
    });
  }

  /** Saves a new version; issued certificates keep theirs. */
  async update(actor: Actor, id: string, content: TTemplateContent): Promise<TTemplate> {
    return this.db.transaction(async (tx) => {
      const template = await this.reachable(tx, actor, id, true);
      await this.checkAssets(tx, template.agencyId, content);
      const version = template.currentVersion + 1;
      await tx.getRepository(CertificateTemplateVersion).insert({ templateId: id, version, content, createdBy: actor.userId });
      await tx.update(CertificateTemplate, { id }, { name: content.name, currentVersion: version });
      return this.view(tx, await tx.findOneByOrFail(CertificateTemplate, { id }));
    });
  }

  async setArchived(actor: Actor, id: string, archived: boolean): Promise<TTemplate> {
    const template = await this.reachable(this.db.manager, actor, id);
    await this.db.getRepository(CertificateTemplate).update({ id }, { archived });
    return this.view(this.db.manager, { ...template, archived });
  }

  /** The posted content rendered with sample data (the designer's live preview). */
  async preview(actor: Actor, input: TTemplateContent & { agencyId?: string }): Promise<Uint8Array> {
    const agencyId = await resolveAgency(this.db.manager, actor, input.agencyId);
    await this.checkAssets(this.db.manager, agencyId, input);
    const [agency] = await this.db.query(`SELECT code, name FROM agencies WHERE id = $1`, [agencyId]);
    const today = jakartaDay();
    const [numbering] = await this.db.query(`SELECT scheme FROM certificate_numbering WHERE agency_id = $1`, [agencyId]);
    const number = formatNumber(numbering?.scheme ?? DEFAULT_NUMBER_SCHEME, { year: Number(today.slice(0, 4)), agency: agency.code, course: 'KURSUS', seq: 1 });
    const values = certificateValues(
      {
        holderName: 'Dr. Ñoman Ṡurya Wijayakusuma, S.Kom., M.T.',
        holderNip: '198701012010011001',
        courseTitle: 'Pelatihan Dasar Calon Pegawai Negeri Sipil',
        jp: '24.00',
        completedOn: today,
        issuedOn: today,
        number,
        issuerName: agency.name,
        signerName: input.signer.name,
        signerTitle: input.signer.title ?? '',
        signerNip: input.signer.nip ?? null,
        verificationCode: 'CONTOH-PRATINJAU',
      } as never,
      this.config.certificates.publicUrl,
    );
    const { agencyId: _a, ...content } = input;
    return renderCertificatePdf(await this.pdf.renderInput(content, values, { id: 'preview', title: 'Pratinjau sertifikat', date: new Date(`${today}T00:00:00Z`) }));
  }

  // ---- assets ----

  async upload(actor: Actor, fields: { kind: 'background' | 'signature' | 'logo'; agencyId?: string }, file: UploadedAsset | undefined): Promise<TAsset> {
    const agencyId = await resolveAgency(this.db.manager, actor, fields.agencyId);
    if (!file) throw new DomainError('UPLOAD_INVALID', `Attach the file in the "${UPLOAD_FIELD}" field`, [{ field: UPLOAD_FIELD, code: 'REQUIRED', message: 'Attach the file' }]);
    if (file.buffer.length > ASSET_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', 'The file is larger than 5 MiB', { maxBytes: ASSET_MAX_BYTES });
    const head = file.buffer.subarray(0, 16);
    const image = sniffImage(head);
    const isPdf = head.subarray(0, 5).toString('latin1') === '%PDF-';
    const contentType = image === 'image/png' || image === 'image/jpeg' ? image : isPdf && fields.kind === 'background' ? 'application/pdf' : null;
    if (!contentType) {
      throw new DomainError('UPLOAD_INVALID', fields.kind === 'background' ? 'A background is a PNG, JPEG or PDF' : 'A signature or logo is a PNG or JPEG', [
        { field: UPLOAD_FIELD, code: 'ASSET_TYPE', message: fields.kind === 'background' ? 'PNG, JPEG or PDF' : 'PNG or JPEG' },
      ]);
    }
    if (contentType === 'application/pdf') {
      // Refuse a PDF pdf-lib cannot embed now, not at the first issue.
      const { PDFDocument } = await import('pdf-lib');
      const ok = await PDFDocument.load(file.buffer, { ignoreEncryption: false }).then((d) => d.getPageCount() > 0).catch(() => false);
      if (!ok) throw new DomainError('UPLOAD_INVALID', 'The PDF cannot be read', [{ field: UPLOAD_FIELD, code: 'ASSET_UNREADABLE', message: 'The PDF cannot be read' }]);
    }
    const id = randomUUID();
    const key = `certificate-assets/${agencyId}/${id}`;
    await this.storage.put(key, file.buffer, { contentType, size: file.buffer.length });
    const row = await this.db.getRepository(CertificateAsset).save({ id, agencyId, kind: fields.kind, storageKey: key, contentType, size: file.buffer.length, createdBy: actor.userId });
    return assetView(row);
  }

  async assetFile(actor: Actor, id: string) {
    const row = await this.db.getRepository(CertificateAsset).findOneBy({ id });
    if (!row || !canSeeAgency(actor, row.agencyId)) throw notFound('Asset');
    const object = await this.storage.get(row.storageKey);
    if (!object) throw notFound('Asset');
    return object;
  }

  // ---- settings ----

  async agencySettings(actor: Actor, requested: string | undefined): Promise<TAgencyCertificateSettings> {
    const agencyId = await resolveAgency(this.db.manager, actor, requested);
    const [agency] = await this.db.query(`SELECT code FROM agencies WHERE id = $1`, [agencyId]);
    const [row] = await this.db.query(`SELECT scheme FROM certificate_numbering WHERE agency_id = $1`, [agencyId]);
    const year = Number(jakartaDay().slice(0, 4));
    const [counter] = await this.db.query(`SELECT last_seq FROM certificate_counters WHERE agency_id = $1 AND year = $2`, [agencyId, year]);
    const scheme = row?.scheme ?? DEFAULT_NUMBER_SCHEME;
    return { agencyId, numberScheme: scheme, nextNumberPreview: formatNumber(scheme, { year, agency: agency.code, course: 'KURSUS', seq: (counter?.last_seq ?? 0) + 1 }) };
  }

  async updateAgencySettings(actor: Actor, input: { numberScheme: string; agencyId?: string }): Promise<TAgencyCertificateSettings> {
    const agencyId = await resolveAgency(this.db.manager, actor, input.agencyId);
    // Changing the scheme waits for issuing in progress (same row lock) and keeps the sequence.
    await this.db.query(
      `INSERT INTO certificate_numbering (agency_id, scheme) VALUES ($1, $2) ON CONFLICT (agency_id) DO UPDATE SET scheme = $2, updated_at = now()`,
      [agencyId, input.numberScheme],
    );
    return this.agencySettings(actor, agencyId);
  }

  async courseSettings(actor: Actor, courseId: string): Promise<TCourseCertificateSettings> {
    const course = await this.adminCourse(actor, courseId);
    const row = await this.db.getRepository(CourseCertificateSettings).findOneBy({ courseId });
    return { courseId, autoIssue: course.certificate_on_completion, templateId: row?.templateId ?? null };
  }

  /** `autoIssue` is the course's own "certificate on completion" switch; the template is kept here. */
  async updateCourseSettings(actor: Actor, courseId: string, input: { autoIssue: boolean; templateId: string | null }): Promise<TCourseCertificateSettings> {
    const course = await this.adminCourse(actor, courseId);
    await this.db.transaction(async (tx) => {
      if (input.templateId) {
        const agencyId = course.agency_id ?? actor.agencyId;
        const [ok] = await tx.query(`SELECT 1 FROM certificate_templates WHERE id = $1 AND ($2::uuid IS NULL OR agency_id = $2) AND NOT archived`, [input.templateId, agencyId]);
        if (!ok) throw new DomainError('VALIDATION_FAILED', 'templateId: no such template of this agency', [{ field: 'templateId', code: 'NOT_FOUND', message: 'No such template of this agency' }]);
      }
      await tx.query(`UPDATE courses SET certificate_on_completion = $2, updated_at = now() WHERE id = $1`, [courseId, input.autoIssue]);
      await tx.getRepository(CourseCertificateSettings).save({ courseId, autoIssue: input.autoIssue, templateId: input.templateId });
    });
    return this.courseSettings(actor, courseId);
  }

  // ---- helpers ----

  private async adminCourse(actor: Actor, courseId: string): Promise<{ agency_id: string | null; certificate_on_completion: boolean }> {
    const [course] = await this.db.query(`SELECT agency_id, certificate_on_completion FROM courses WHERE id = $1`, [courseId]);
    // Platform-wide courses: only platform admins change their settings.
    if (!course || (course.agency_id === null ? actor.agencyId !== null : !canSeeAgency(actor, course.agency_id))) throw notFound('Course');
    return course;
  }

  private async reachable(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<CertificateTemplate> {
    const qb = manager.getRepository(CertificateTemplate).createQueryBuilder('t').where('t.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const template = await qb.getOne();
    if (!template || !canSeeAgency(actor, template.agencyId)) throw notFound('Template');
    return template;
  }

  private async checkAssets(manager: EntityManager, agencyId: string, content: TTemplateContent): Promise<void> {
    const refs: [keyof TTemplateContent, string | null, string][] = [
      ['backgroundAssetId', content.backgroundAssetId, 'background'],
      ['signatureAssetId', content.signatureAssetId, 'signature'],
      ['logoAssetId', content.logoAssetId, 'logo'],
    ];
    for (const [field, id] of refs) {
      if (!id) continue;
      const row = await manager.getRepository(CertificateAsset).findOneBy({ id, agencyId });
      if (!row) throw new DomainError('VALIDATION_FAILED', `${field}: no such upload of this agency`, [{ field, code: 'NOT_FOUND', message: 'No such upload of this agency' }]);
    }
    content.fields.forEach((f, i) => {
      if (f.kind === 'free_text' && !f.text?.trim()) {
        throw new DomainError('VALIDATION_FAILED', `fields.${i}.text: a free text field needs its text`, [{ field: `fields.${i}.text`, code: 'REQUIRED', message: 'A free text field needs its text' }]);
      }
    });
  }

  private async view(manager: EntityManager, t: CertificateTemplate): Promise<TTemplate> {
    const version = await manager.getRepository(CertificateTemplateVersion).findOneByOrFail({ templateId: t.id, version: t.currentVersion });
    const c = version.content;
    return {
      id: t.id,
      agencyId: t.agencyId,
      version: t.currentVersion,
      archived: t.archived,
      name: c.name,
      orientation: c.orientation,
      backgroundAssetId: c.backgroundAssetId ?? null,
      signatureAssetId: c.signatureAssetId ?? null,
      logoAssetId: c.logoAssetId ?? null,
      signer: { name: c.signer.name, title: c.signer.title ?? '', nip: c.signer.nip ?? null },
      fields: c.fields,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    };
  }
}

export function assetView(row: CertificateAsset): TAsset {
  return { id: row.id, agencyId: row.agencyId, kind: row.kind, contentType: row.contentType, size: row.size, createdAt: row.createdAt.toISOString() };
}
