import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, APIResponse, Browser, BrowserContext } from 'playwright-core';
import { DEMO } from './auth';
import { baseUrl } from './browser';

/**
 * Test data for the learning journeys (enrolment, approval, check-in), made over the API the way
 * the admin portal makes it: one signed-in API session per person.
 */

const CLIENT = { 'x-asah-client': '1' };
export const SAMPLES = path.resolve(__dirname, '../../../shared/scorm-samples');

export class ApiSession {
  private constructor(
    private readonly context: BrowserContext,
    private readonly request: APIRequestContext,
  ) {}

  static async signIn(browser: Browser, identifier: string, password = DEMO.password): Promise<ApiSession> {
    const context = await browser.newContext({ baseURL: baseUrl() });
    const session = new ApiSession(context, context.request);
    await session.post('/auth/login', { identifier, password });
    return session;
  }

  async get<T>(url: string): Promise<T> {
    return read<T>(await this.request.get(`/api${url}`, { headers: CLIENT }), `GET ${url}`);
  }
  async post<T>(url: string, data?: unknown): Promise<T> {
    return read<T>(await this.request.post(`/api${url}`, { headers: CLIENT, data: data ?? {} }), `POST ${url}`);
  }
  async put<T>(url: string, data: unknown): Promise<T> {
    return read<T>(await this.request.put(`/api${url}`, { headers: CLIENT, data }), `PUT ${url}`);
  }
  async patch<T>(url: string, data: unknown): Promise<T> {
    return read<T>(await this.request.patch(`/api${url}`, { headers: CLIENT, data }), `PATCH ${url}`);
  }
  async upload<T>(url: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<T> {
    return read<T>(await this.request.post(`/api${url}`, { headers: CLIENT, multipart: { file }, timeout: 60_000 }), `upload ${url}`);
  }
  close(): Promise<void> {
    return this.context.close();
  }
}

async function read<T>(response: APIResponse, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

interface UserRow {
  id: string;
  name: string;
  email: string;
  unit: { id: string; name: string } | null;
}

export async function findUser(admin: ApiSession, email: string): Promise<UserRow> {
  const page = await admin.get<{ items: UserRow[] }>(`/users?q=${encodeURIComponent(email)}`);
  const user = page.items.find((u) => u.email === email);
  if (!user) throw new Error(`no user ${email}`);
  return user;
}

/** Makes `headEmail` the head of `learnerEmail`'s unit: the learner's supervisor, who approves their requests. */
export async function makeSupervisor(admin: ApiSession, learnerEmail: string, headEmail: string): Promise<void> {
  const learner = await findUser(admin, learnerEmail);
  const head = await findUser(admin, headEmail);
  if (!learner.unit) throw new Error(`${learnerEmail} has no unit`);
  await admin.patch(`/units/${learner.unit.id}`, { headUserId: head.id });
}

let counter = 0;
export const uniqueCode = (prefix: string) => `${prefix}-${Date.now().toString(36).toUpperCase()}-${++counter}`.slice(0, 30);

export interface BuiltCourse {
  id: string;
  title: string;
  activityId: string;
  sectionId: string;
}

/** A published course holding one SCORM package, with an enrolment policy. */
export async function scormCourse(
  admin: ApiSession,
  opts: { title: string; jp: number; zip: string; policy: 'self' | 'approval' | 'admin_only'; description?: string },
): Promise<BuiltCourse> {
  const course = await admin.post<{ id: string }>('/courses', {
    code: uniqueCode('KRS'),
    title: opts.title,
    description: opts.description ?? '',
    category: 'teknis',
    deliveryMode: 'e_learning',
    jp: opts.jp,
  });
  const section = await admin.post<{ id: string }>(`/courses/${course.id}/sections`, { title: 'Materi inti' });
  const activity = await admin.post<{ id: string }>(`/courses/${course.id}/sections/${section.id}/activities`, { type: 'scorm', title: 'Golf untuk Pemula', settings: { attemptPolicy: 'always' } });
  await admin.upload(`/courses/${course.id}/activities/${activity.id}/package`, { name: path.basename(opts.zip), mimeType: 'application/zip', buffer: readFileSync(opts.zip) });
  await admin.post(`/courses/${course.id}/publish`);
  await admin.put(`/courses/${course.id}/enrolment-settings`, { enrolmentPolicy: opts.policy });
  return { id: course.id, title: opts.title, activityId: activity.id, sectionId: section.id };
}

/** A published classroom course (one classroom activity) open to self-enrolment. */
export async function classroomCourse(admin: ApiSession, opts: { title: string; jp: number }): Promise<BuiltCourse> {
  const course = await admin.post<{ id: string }>('/courses', {
    code: uniqueCode('KLS'),
    title: opts.title,
    category: 'manajerial',
    deliveryMode: 'klasikal',
    jp: opts.jp,
  });
  const section = await admin.post<{ id: string }>(`/courses/${course.id}/sections`, { title: 'Tatap muka' });
  const activity = await admin.post<{ id: string }>(`/courses/${course.id}/sections/${section.id}/activities`, { type: 'classroom', title: 'Sesi kelas', settings: {} });
  await admin.post(`/courses/${course.id}/publish`);
  await admin.put(`/courses/${course.id}/enrolment-settings`, { enrolmentPolicy: 'self' });
  return { id: course.id, title: opts.title, activityId: activity.id, sectionId: section.id };
}
