import { availableParallelism } from 'node:os';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TTemplateContent } from '@asah/contracts/certificates';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/object-storage';
import { Certificate, CertificateAsset, CertificateTemplateVersion } from './certificate.entities';
import { verificationUrl } from './issuing';
import { PdfPool } from './pdf/pdf-pool';
import { renderCertificatePdf, type AssetBytes, type CertificateValues, type RenderInput } from './pdf/render-certificate';

// One formatter, and each day formatted once: building an Intl.DateTimeFormat per call cost more than
// signing the credential (profile of the bulk job).
const dayFormat = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Jakarta', dateStyle: 'long' });
const formattedDays = new Map<string, string>();
const longDate = (day: string) => {
  let text = formattedDays.get(day);
  if (text === undefined) {
    text = dayFormat.format(new Date(`${day}T12:00:00+07:00`));
    if (formattedDays.size >= 10000) formattedDays.clear();
    formattedDays.set(day, text);
  }
  return text;
};
export const formatJp = (jp: number | string) => {
  const n = Number(jp);
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace('.', ',');
};

/** The printed values of a certificate (Indonesian dates, JP with a decimal comma). */
export function certificateValues(c: Certificate, baseUrl: string): CertificateValues {
  return {
    holderName: c.holderName,
    nip: c.holderNip ? `NIP ${c.holderNip}` : '',
    courseTitle: c.courseTitle,
    jp: formatJp(c.jp),
    completedOn: longDate(c.completedOn),
    issuedOn: longDate(c.issuedOn),
    number: c.number,
    agencyName: c.issuerName,
    signerName: c.signerName,
    signerTitle: c.signerTitle,
    signerNip: c.signerNip ? `NIP ${c.signerNip}` : '',
    verificationUrl: verificationUrl(baseUrl, c.verificationCode),
  };
}

/** The columns a PDF is rendered and stored from (certificateValues, render, pdfKeyOf). */
const PDF_COLUMNS = [
  'id', 'agencyId', 'number', 'verificationCode', 'holderName', 'holderNip', 'courseTitle', 'jp', 'completedOn', 'issuedOn', 'issuedAt',
  'issuerName', 'templateVersionId', 'signerName', 'signerTitle', 'signerNip', 'pdfKey',
] as const satisfies readonly (keyof Certificate)[];

/** Storage key of a certificate's PDF. */
export const pdfKeyOf = (c: Pick<Certificate, 'agencyId' | 'id'>) => `certificates/${c.agencyId}/${c.id}.pdf`;

/**
 * Renders certificates to PDF from their (immutable) data and template version, and stores them.
 * Rendering is deterministic, so a PDF can be made at issue time, by the bulk job, or on the first
 * download, and is the same every time.
 */
@Injectable()
export class CertificatePdfService implements OnApplicationShutdown {
  private readonly assets = new Map<string, AssetBytes>();
  private readonly versions = new Map<string, TTemplateContent>();
  private pool: PdfPool | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Worker threads for bulk rendering, started on first use: one per core (the main thread mostly waits on PostgreSQL). */
  private get workers(): PdfPool {
    this.pool ??= new PdfPool(Math.max(1, availableParallelism()));
    return this.pool;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
  }

  async asset(id: string | null): Promise<AssetBytes | null> {
    if (!id) return null;
    let asset = this.assets.get(id);
    if (!asset) {
      const row = await this.db.getRepository(CertificateAsset).findOneBy({ id });
      if (!row) return null;
      const object = await this.storage.get(row.storageKey);
      if (!object) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of object.body) chunks.push(chunk as Buffer);
      asset = { bytes: new Uint8Array(Buffer.concat(chunks)), contentType: row.contentType };
      if (this.assets.size > 200) this.assets.clear();
      this.assets.set(id, asset);
    }
    return asset;
  }

  /** `templateKey` (the template version id) lets the renderer prepare the template once; previews pass none. */
  async renderInput(content: TTemplateContent, values: CertificateValues, meta: RenderInput['meta'], templateKey?: string): Promise<RenderInput> {
    return {
      content,
      values,
      assets: { background: await this.asset(content.backgroundAssetId), signature: await this.asset(content.signatureAssetId), logo: await this.asset(content.logoAssetId) },
      meta,
      templateKey,
    };
  }

  async render(c: Certificate, useWorkers = false): Promise<Uint8Array> {
    const input = await this.renderInput(await this.content(c.templateVersionId), certificateValues(c, this.config.certificates.publicUrl), {
      id: c.id,
      title: `Sertifikat ${c.number}`,
      date: c.issuedAt,
    }, c.templateVersionId);
    return useWorkers ? this.workers.render(input) : renderCertificatePdf(input);
  }

  /** Template versions never change: kept in memory by id. */
  private async content(versionId: string): Promise<TTemplateContent> {
    let content = this.versions.get(versionId);
    if (!content) {
      content = (await this.db.getRepository(CertificateTemplateVersion).findOneByOrFail({ id: versionId })).content;
      if (this.versions.size > 500) this.versions.clear();
      this.versions.set(versionId, content);
    }
    return content;
  }

  /** Renders and stores the PDF if it is not stored yet; returns its storage key. */
  async ensure(c: Certificate, useWorkers = false): Promise<string> {
    if (c.pdfKey) return c.pdfKey;
    const key = await this.store(c, useWorkers);
    await this.db.query(`UPDATE certificates SET pdf_key = $2 WHERE id = $1 AND pdf_key IS NULL`, [c.id, key]);
    c.pdfKey = key;
    return key;
  }

  private async store(c: Certificate, useWorkers: boolean): Promise<string> {
    const bytes = Buffer.from(await this.render(c, useWorkers));
    const key = pdfKeyOf(c);
    await this.storage.put(key, bytes, { contentType: 'application/pdf', size: bytes.length });
    return key;
  }

  /** Renders and stores the PDFs still missing among `ids` (bulk job) on the worker threads; one UPDATE at the end. */
  async ensureMany(ids: string[]): Promise<void> {
    if (!ids.length) return;
    // Only what the PDF prints: not the credential (a few kB of JSON per row to parse for nothing).
    const rows = await this.db
      .getRepository(Certificate)
      .createQueryBuilder('c')
      .select(PDF_COLUMNS.map((column) => `c.${column}`))
      .where('c.id = ANY(:ids) AND c.pdf_key IS NULL', { ids })
      .getMany();
    const parallel = Math.max(2, this.workers.threads * 3);
    const done: { id: string; key: string }[] = [];
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const c = rows[next++];
        done.push({ id: c.id, key: await this.store(c, true) });
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, rows.length) }, lane));
    await this.db.query(
      `UPDATE certificates c SET pdf_key = d.key FROM unnest($1::uuid[], $2::text[]) AS d(id, key) WHERE c.id = d.id AND c.pdf_key IS NULL`,
      [done.map((d) => d.id), done.map((d) => d.key)],
    );
  }

  storageGet(key: string) {
    return this.storage.get(key);
  }
}
