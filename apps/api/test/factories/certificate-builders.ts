import type { INestApplication } from '@nestjs/common';
import type { Actor } from '../../src/common/auth/actor';
import { CertificatesService } from '../../src/modules/certificates/certificates.service';
import { defaultTemplateContent } from '../../src/modules/certificates/default-template';
import { TemplatesService } from '../../src/modules/certificates/templates.service';
import { OBJECT_STORAGE, type ObjectStorage } from '../../src/modules/storage/object-storage';
import { CertificateAsset } from '../../src/modules/certificates/certificate.entities';
import type { Agency } from '../../src/modules/agencies/agency.entity';
import type { Course } from '../../src/modules/courses/course.entity';
import type { User } from '../../src/modules/users/user.entity';
import { A_PNG } from '../support/content';
import { DataSource } from 'typeorm';

/** A platform admin actor for building data through the services (their rules applied). */
export const platformActor = (admin: User): Actor => ({ userId: admin.id, sessionId: 'builder', roles: ['platform_admin'], agencyId: null });

/** The default template, created for `agency` through TemplatesService; its id. */
export async function aCertificateTemplate(app: INestApplication, by: User, agency: Agency): Promise<string> {
  return (await app.get(TemplatesService).create(platformActor(by), { ...defaultTemplateContent(), agencyId: agency.id })).id;
}

/** A certificate issued by CertificatesService for `learner` in `course` with a fresh template; its id. */
export async function aCertificate(app: INestApplication, by: User, agency: Agency, course: Course, learner: User): Promise<string> {
  const templateId = await aCertificateTemplate(app, by, agency);
  return (await app.get(CertificatesService).issue(platformActor(by), { courseId: course.id, userId: learner.id, templateId })).id;
}

/** A logo upload of `agency`, stored like the API stores it; its id. */
export async function aCertificateAsset(app: INestApplication, agency: Agency): Promise<string> {
  const storage = app.get<ObjectStorage>(OBJECT_STORAGE);
  const row = await app.get(DataSource).getRepository(CertificateAsset).save({ agencyId: agency.id, kind: 'logo', storageKey: `certificate-assets/${agency.id}/uji-${Date.now()}-${Math.random().toString(36).slice(2)}`, contentType: 'image/png', size: A_PNG.length, createdBy: null });
  await storage.put(row.storageKey, A_PNG, { contentType: 'image/png', size: A_PNG.length });
  return row.id;
}
