import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { lookup } from 'mime-types';
import { DataSource } from 'typeorm';
import { COVER_MAX_BYTES, UPLOAD_FIELD, type TContentFile, type TCoverImage, type TLaunchRequest, type TLaunchResponse } from '@asah/contracts/content';
import { Actor } from '../../common/auth/actor';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { CourseAccessService } from '../courses/course-access.service';
import { CourseActivity } from '../courses/course-activity.entity';
import { Course } from '../courses/course.entity';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/object-storage';
import { ContentAccess } from './content-access';
import { ContentFile } from './content-file.entity';
import { toContentFileDto } from './content.mapper';
import { signContentToken } from './content-tokens';
import { coverImageUrl } from './content-urls';
import { cleanFileName, sniffImage, sniffVideo } from './media-types';
import { PackageVersion } from './package-version.entity';
import { beforeUpload, discard, receiveUpload } from './upload';

const wrongType = (message: string) => new DomainError('UPLOAD_INVALID', message, [{ field: UPLOAD_FIELD, code: 'TYPE', message }]);

/** Files and videos of activities, course covers, and launch URLs on the content origin. */
@Injectable()
export class ContentService {
  private readonly logger = new Logger('Content');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly access: ContentAccess,
    private readonly courses: CourseAccessService,
  ) {}

  /** The file of a `file` activity (any type; risky ones are served as downloads) or the video of a `video` one. */
  async uploadFile(actor: Actor, courseId: string, activityId: string, req: IncomingMessage): Promise<TContentFile> {
    const { activity } = await beforeUpload(req, this.config.uploadMaxBytes, () => this.access.editableActivity(actor, courseId, activityId, ['file', 'video']));
    const upload = await receiveUpload(req, { tmpDir: this.config.uploadTmpDir, maxBytes: this.config.uploadMaxBytes, limitName: 'UPLOAD_MAX_BYTES' });
    try {
      let contentType = lookup(upload.fileName) || 'application/octet-stream';
      if (activity.type === 'video') {
        const video = sniffVideo(await headOf(upload.path));
        if (!video) throw wrongType('This is not a video browsers can play; upload MP4 (H.264), WebM or Ogg');
        contentType = video;
      }
      const fileName = cleanFileName(upload.fileName, activity.type === 'video' ? contentType : undefined);
      const id = randomUUID();
      await this.storage.put(`files/${id}/${fileName}`, createReadStream(upload.path), { contentType, size: upload.size });
      try {
        await this.db.transaction(async (tx) => {
          await this.courses.lockForChange(tx, actor, courseId);
          const current = await tx.findOneBy(CourseActivity, { id: activityId, courseId });
          if (!current) throw notFound('Activity');
          if (current.type !== activity.type) throw new DomainError('ACTIVITY_TYPE_MISMATCH', 'The activity changed type during the upload');
          await tx.update(ContentFile, { activityId, current: true }, { current: false });
          await tx.insert(ContentFile, {
            id,
            activityId,
            kind: activity.type as 'file' | 'video',
            current: true,
            storageKey: `files/${id}/${fileName}`,
            fileName,
            contentType,
            sizeBytes: String(upload.size),
            uploadedBy: actor.userId,
          });
          await this.courses.touch(tx, courseId);
        });
      } catch (error) {
        await this.storage.deletePrefix(`files/${id}/`).catch((e) => this.logger.error({ err: e }, 'could not remove a failed upload'));
        throw error;
      }
      return toContentFileDto(await this.db.manager.findOneByOrFail(ContentFile, { id }));
    } finally {
      await discard(upload);
    }
  }

  /** The current file or video of an activity, or null. */
  async currentFile(actor: Actor, courseId: string, activityId: string): Promise<TContentFile | null> {
    await this.courses.readable(actor, courseId);
    const file = await this.db.manager.findOneBy(ContentFile, { activityId, current: true, activity: { courseId } });
    return file ? toContentFileDto(file) : null;
  }

  /** PNG, JPEG, WebP or GIF (checked by content), at most 5 MiB; replaces the previous cover. */
  async uploadCover(actor: Actor, courseId: string, req: IncomingMessage): Promise<TCoverImage> {
    await beforeUpload(req, COVER_MAX_BYTES, () => this.db.transaction((tx) => this.courses.lockForChange(tx, actor, courseId)));
    const upload = await receiveUpload(req, { tmpDir: this.config.uploadTmpDir, maxBytes: COVER_MAX_BYTES, limitName: 'cover images' });
    try {
      const type = sniffImage(await headOf(upload.path));
      if (!type) throw wrongType('A cover must be a PNG, JPEG, WebP or GIF image');
      const id = randomUUID();
      const key = `covers/${id}/${cleanFileName(upload.fileName, type)}`;
      await this.storage.put(key, createReadStream(upload.path), { contentType: type, size: upload.size });
      let previous: string | null = null;
      try {
        await this.db.transaction(async (tx) => {
          const { course } = await this.courses.lockForChange(tx, actor, courseId);
          previous = course.coverImageKey;
          await tx.update(Course, { id: courseId }, { coverImageKey: key });
        });
      } catch (error) {
        await this.storage.deletePrefix(`covers/${id}/`).catch((e) => this.logger.error({ err: e }, 'could not remove a failed cover'));
        throw error;
      }
      await this.removeCoverObject(previous);
      return { key, url: coverImageUrl(this.config.content, key)! };
    } finally {
      await discard(upload);
    }
  }

  async removeCover(actor: Actor, courseId: string): Promise<void> {
    const previous = await this.db.transaction(async (tx) => {
      const { course } = await this.courses.lockForChange(tx, actor, courseId);
      await tx.update(Course, { id: courseId }, { coverImageKey: null });
      return course.coverImageKey;
    });
    await this.removeCoverObject(previous);
  }

  /**
   * A URL on the content origin for the activity's package (a launch link that sets the
   * version's cookie and redirects to the launch page) or its file or video (signed URL).
   */
  async launch(actor: Actor, courseId: string, activityId: string, input: TLaunchRequest): Promise<TLaunchResponse> {
    const { activity } = await this.access.launchableActivity(actor, courseId, activityId);
    const now = Math.floor(Date.now() / 1000);
    const content = this.config.content;
    if (activity.type === 'scorm') {
      const version = input.versionId
        ? await this.db.manager.findOneBy(PackageVersion, { id: input.versionId, activityId })
        : await this.db.manager.findOneBy(PackageVersion, { activityId, current: true });
      if (!version && input.versionId) throw notFound('Package version');
      if (!version) throw new DomainError('CONTENT_NOT_UPLOADED', 'No package has been uploaded to this activity yet');
      const page = input.itemId ? version.launchPages.find((p) => p.itemId === input.itemId) : version.launchPages[0];
      if (!page) throw notFound('Launch page');
      const exp = page.external ? now + content.sessionTtlSeconds : now + content.launchTtlSeconds;
      const url = page.external
        ? page.href
        : `${content.publicUrl}/launch?t=${signContentToken(content.tokenSecret, { kind: 'launch', versionId: version.id, userId: actor.userId, path: page.href, exp })}`;
      return { url, expiresAt: new Date(exp * 1000).toISOString(), kind: 'package', versionId: version.id, itemId: page.itemId };
    }
    if (activity.type === 'file' || activity.type === 'video') {
      const file = await this.db.manager.findOneBy(ContentFile, { activityId, current: true });
      if (!file) throw new DomainError('CONTENT_NOT_UPLOADED', `No ${activity.type} has been uploaded to this activity yet`);
      const exp = now + content.sessionTtlSeconds;
      const token = signContentToken(content.tokenSecret, { kind: 'file', fileId: file.id, userId: actor.userId, exp });
      const url = `${content.publicUrl}/f/${file.id}/${encodeURIComponent(file.fileName)}?t=${token}`;
      return { url, expiresAt: new Date(exp * 1000).toISOString(), kind: activity.type, versionId: null, itemId: null };
    }
    throw new DomainError('ACTIVITY_TYPE_MISMATCH', `A ${activity.type} activity has nothing to launch`);
  }

  private async removeCoverObject(key: string | null): Promise<void> {
    const [area, id] = key?.split('/') ?? [];
    if (area !== 'covers' || !id) return;
    await this.storage.deletePrefix(`covers/${id}/`).catch((e) => this.logger.warn({ err: e, key }, 'could not remove the previous cover'));
  }
}

async function headOf(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buffer, 0, 16, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
