import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TPackageValidation, TPackageVersion, TPackageVersionListQuery } from '@asah/contracts/content';
import type { TPage } from '@asah/contracts/common';
import { inspectPackage, type PackageInspection } from '@asah/scorm/package-report';
import { Actor } from '../../common/auth/actor';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CourseAccessService } from '../courses/course-access.service';
import { CourseActivity } from '../courses/course-activity.entity';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/object-storage';
import { ContentAccess } from './content-access';
import { toPackageVersionDto } from './content.mapper';
import { PackageVersion } from './package-version.entity';
import { PackageZip } from './package-zip';
import { beforeUpload, discard, receiveUpload, type ReceivedFile } from './upload';

/**
 * SCORM / cmi5 package import. The zip is streamed to a temporary file, its central directory and
 * manifest are checked (@asah/scorm), its files streamed into storage under
 * `packages/<versionId>/`, and only then is the version recorded, in one transaction that also
 * makes it the activity's current one. A refused or failed import leaves no row, no stored
 * object and no temporary file.
 */
@Injectable()
export class PackageImportService {
  private readonly logger = new Logger('PackageImport');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly access: ContentAccess,
    private readonly courses: CourseAccessService,
  ) {}

  async import(actor: Actor, courseId: string, activityId: string, req: IncomingMessage): Promise<TPackageVersion> {
    await beforeUpload(req, this.config.packageLimits.maxBytes, () => this.access.editableActivity(actor, courseId, activityId, ['scorm']));
    const upload = await this.receive(req);
    try {
      return await this.importFile(actor, courseId, activityId, upload.path);
    } finally {
      await discard(upload);
    }
  }

  async validate(actor: Actor, courseId: string, activityId: string, req: IncomingMessage): Promise<TPackageValidation> {
    await beforeUpload(req, this.config.packageLimits.maxBytes, () => this.access.editableActivity(actor, courseId, activityId, ['scorm']));
    const upload = await this.receive(req);
    try {
      const zip = await PackageZip.open(upload.path, this.config.packageLimits.maxEntries);
      try {
        return { report: (await this.inspect(zip)).report };
      } finally {
        zip.close();
      }
    } finally {
      await discard(upload);
    }
  }

  /**
   * Imports a zip already on local disk: the upload path, and the benchmark. The caller has
   * checked that the actor may edit the activity; the transaction checks again.
   */
  async importFile(actor: Actor, courseId: string, activityId: string, zipPath: string): Promise<TPackageVersion> {
    const zip = await PackageZip.open(zipPath, this.config.packageLimits.maxEntries);
    const versionId = randomUUID();
    const prefix = `packages/${versionId}/`;
    let storing = false;
    try {
      const { report, content } = await this.inspect(zip);
      if (!report.accepted || !content || !report.packageType || !report.standard || !report.standardLabel) {
        const first = report.errors[0];
        throw new DomainError('PACKAGE_INVALID', first ? `The package was refused: ${first.message}` : 'The package was refused', { report });
      }
      storing = true;
      const stored = await zip.extractTo(this.storage, prefix);
      const id = await this.db.transaction(async (tx) => {
        await this.courses.lockForChange(tx, actor, courseId);
        const activity = await tx.findOneBy(CourseActivity, { id: activityId, courseId });
        if (!activity) throw notFound('Activity');
        if (activity.type !== 'scorm') throw new DomainError('ACTIVITY_TYPE_MISMATCH', 'The activity is no longer a SCORM activity');
        const [{ next }] = await tx.query('SELECT coalesce(max(version), 0) + 1 AS next FROM package_versions WHERE activity_id = $1', [activityId]);
        await tx.update(PackageVersion, { activityId, current: true }, { current: false });
        await tx.insert(PackageVersion, {
          id: versionId,
          activityId,
          version: next,
          current: true,
          packageType: report.packageType!,
          standard: report.standard!,
          edition: report.edition,
          standardLabel: report.standardLabel!,
          title: report.title,
          report,
          structure: content,
          launchPages: report.launchPages,
          fileCount: stored.files,
          totalBytes: String(stored.bytes),
          uploadedBy: actor.userId,
        });
        await this.courses.touch(tx, courseId);
        return versionId;
      });
      return this.version(id);
    } catch (error) {
      if (storing) await this.storage.deletePrefix(prefix).catch((e) => this.logger.error({ err: e, prefix }, 'could not remove a failed import'));
      throw error;
    } finally {
      zip.close();
    }
  }

  async versions(actor: Actor, courseId: string, activityId: string, query: TPackageVersionListQuery): Promise<TPage<TPackageVersion>> {
    await this.courses.readable(actor, courseId);
    const activity = await this.db.manager.findOneBy(CourseActivity, { id: activityId, courseId });
    if (!activity) throw notFound('Activity');
    const [items, total] = await this.db.getRepository(PackageVersion).findAndCount({
      where: { activityId },
      relations: { uploader: true },
      order: { version: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: items.map(toPackageVersionDto), total, page: query.page, pageSize: query.pageSize };
  }

  private async version(id: string): Promise<TPackageVersion> {
    const version = await this.db.getRepository(PackageVersion).findOneOrFail({ where: { id }, relations: { uploader: true } });
    return toPackageVersionDto(version);
  }

  private receive(req: IncomingMessage): Promise<ReceivedFile> {
    return receiveUpload(req, { tmpDir: this.config.uploadTmpDir, maxBytes: this.config.packageLimits.maxBytes, limitName: 'PACKAGE_MAX_BYTES' });
  }

  private async inspect(zip: PackageZip): Promise<PackageInspection> {
    const limits = this.config.packageLimits;
    const inspection = await inspectPackage({
      entries: zip.entries,
      readEntry: (name) => zip.read(name),
      limits: {
        maxEntries: limits.maxEntries,
        maxTotalUncompressedBytes: limits.maxUncompressedBytes,
        maxEntryUncompressedBytes: limits.maxUncompressedBytes,
        maxCompressionRatio: limits.maxRatio,
      },
    });
    // Reading stopped at the limit: report the count the zip declares, not where we stopped.
    const tooMany = inspection.report.errors.find((e) => e.code === 'ZIP_TOO_MANY_ENTRIES');
    if (tooMany && zip.declaredEntryCount > zip.entries.length) {
      tooMany.message = `the zip has ${zip.declaredEntryCount} entries; at most ${limits.maxEntries} are accepted`;
      tooMany.details = { entries: zip.declaredEntryCount, limit: limits.maxEntries };
      inspection.report.counts.entries = zip.declaredEntryCount;
    }
    return inspection;
  }
}
