import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { Client } from 'pg';
import { DEMO, signIn } from '../support/auth';
import { baseUrl, DESKTOP, newPage, type Viewport } from '../support/browser';

/** Helpers of the SCORM player specs (scorm-*.e2e.ts): course set-up over the API, the player's frames, the database. */

export const SAMPLES = path.resolve(__dirname, '../../../shared/scorm-samples');
export const sample = (file: string) => path.join(SAMPLES, file);

const CLIENT = { 'x-asah-client': '1' };

async function ok<T>(response: Awaited<ReturnType<APIRequestContext['post']>>, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

export interface ScormCourse {
  courseId: string;
  activityId: string;
  title: string;
}

let counter = 0;

/**
 * A published course with one SCORM activity holding the package, the demo learner enrolled: made
 * by the Semarang agency admin through the API, as the admin portal does.
 */
export async function createScormCourse(
  browser: Browser,
  zip: { file: string } | { name: string; buffer: Buffer },
  title: string,
  attemptPolicy: 'always' | 'after_completion' | 'never' = 'always',
): Promise<ScormCourse> {
  const context = await browser.newContext({ baseURL: baseUrl() });
  try {
    const request = context.request;
    await ok(await request.post('/api/auth/login', { headers: CLIENT, data: { identifier: DEMO.semarangAdmin, password: DEMO.password } }), 'login');
    counter += 1;
    const code = `SCORM-${Date.now().toString(36).toUpperCase()}-${counter}`.slice(0, 30);
    const course = await ok<{ id: string }>(
      await request.post('/api/courses', { headers: CLIENT, data: { code, title, category: 'teknis', deliveryMode: 'e_learning', jp: 2 } }),
      'create course',
    );
    const section = await ok<{ id: string }>(await request.post(`/api/courses/${course.id}/sections`, { headers: CLIENT, data: { title: 'Materi' } }), 'section');
    const activity = await ok<{ id: string }>(
      await request.post(`/api/courses/${course.id}/sections/${section.id}/activities`, {
        headers: CLIENT,
        data: { type: 'scorm', title, settings: { attemptPolicy } },
      }),
      'activity',
    );
    const buffer = 'file' in zip ? readFileSync(zip.file) : zip.buffer;
    const name = 'file' in zip ? path.basename(zip.file) : zip.name;
    await ok(
      await request.post(`/api/courses/${course.id}/activities/${activity.id}/package`, {
        headers: CLIENT,
        multipart: { file: { name, mimeType: 'application/zip', buffer } },
        timeout: 60_000,
      }),
      'package',
    );
    await ok(await request.post(`/api/courses/${course.id}/publish`, { headers: CLIENT }), 'publish');
    await ok(
      await request.post(`/api/courses/${course.id}/enrolments/bulk`, { headers: CLIENT, data: { by: 'nips', nips: [DEMO.learnerNip.replace(/\s/g, '')] } }),
      'enrol',
    );
    return { courseId: course.id, activityId: activity.id, title };
  } finally {
    await context.close();
  }
}

/** The learner, signed in through the login form. */
export async function learnerPage(browser: Browser, viewport: Viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const session = await newPage(browser, viewport);
  // The first page of a fresh browser context may take a while on a busy machine.
  await session.page.goto('/login');
  await session.page.getByLabel('NIP atau email').waitFor({ timeout: 30_000 });
  await signIn(session.page, '/login', DEMO.learnerEmail);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  // Golf asks "resume where you left off?" and "save your progress?": the learner says yes.
  session.page.on('dialog', (dialog) => void dialog.accept());
  return session;
}

export const playerPath = (course: ScormCourse) => `/kursus/${course.courseId}/aktivitas/${course.activityId}`;

/** The launcher frame (content origin) inside the player, and the SCO frame inside the launcher. */
export const launcher = (page: Page): FrameLocator => page.frameLocator('iframe.lp-frame');
export const sco = (page: Page): FrameLocator => launcher(page).frameLocator('#sco');
/** Golf's own content frame inside its launch page. */
export const golfContent = (page: Page): FrameLocator => sco(page).frameLocator('#contentFrame');

/** The SCO frame as a Frame (for its URL and for evaluating in it). */
export async function scoFrame(page: Page, urlPart?: string): Promise<Frame> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const frame = page.frames().find((f) => f.parentFrame()?.url().includes('/rt/') && f.url() !== 'about:blank' && (!urlPart || f.url().includes(urlPart)));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no SCO frame${urlPart ? ` with ${urlPart}` : ''}; frames: ${page.frames().map((f) => f.url()).join(', ')}`);
    await page.waitForTimeout(200);
  }
}

/** Opens the player and waits until the launcher reported its first status (the bar shows the title). */
export async function openPlayer(page: Page, course: ScormCourse): Promise<void> {
  await page.goto(playerPath(course));
  await page.locator('iframe.lp-frame').waitFor();
  await page.getByRole('heading', { level: 1, name: course.title }).waitFor({ timeout: 20_000 });
}

/** Exit through the player's button; the player returns to the course page once the launcher saved. */
export async function exitPlayer(page: Page, course: ScormCourse): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.waitForURL((url) => url.pathname === `/kursus/${course.courseId}`, { timeout: 30_000 });
}

/** Answers every question of a Golf assessment page: right (the answers marked correct) or wrong. */
export async function answerGolfQuiz(frame: FrameLocator, right: boolean): Promise<void> {
  await frame.locator('.question').first().waitFor();
  const questions = await frame.locator('.question').count();
  for (let i = 0; i < questions; i += 1) {
    const question = frame.locator('.question').nth(i);
    const text = question.locator('input[type="text"]');
    if ((await text.count()) > 0) {
      const hint = await question.locator('.correctAnswer').innerText();
      const value = /\(([^)]*)\)/.exec(hint)?.[1] ?? '0';
      await text.fill(right ? value : `${Number(value) + 7}`);
      await text.dispatchEvent('change');
      continue;
    }
    const choice = right ? question.locator('.correctAnswer input').first() : question.locator('.answer input').first();
    await choice.check();
  }
  await frame.getByRole('button', { name: 'Submit Answers' }).click();
  await frame.getByText('Score:').waitFor();
}

// ---- database ----

export async function db<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set (e2e/support/global-setup.ts)');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface ScoRow {
  attempt_id: string;
  attempt_number: number;
  attempt_status: string;
  sco_identifier: string;
  cmi: Record<string, any>;
  completion_status: string | null;
  success_status: string | null;
  score_raw: number | null;
  score_scaled: number | null;
  location: string | null;
  suspend_data: string | null;
  entry: string | null;
  exit: string | null;
  last_session: number;
  last_sequence: number;
}

/** Every SCO state of the learner's attempts at an activity, newest attempt first. */
export function scoStates(activityId: string): Promise<ScoRow[]> {
  return db<ScoRow>(
    `SELECT a.id AS attempt_id, a.attempt_number, a.status AS attempt_status, s.*
       FROM tracking_sco_states s JOIN tracking_attempts a ON a.id = s.attempt_id
      WHERE a.activity_id = $1 AND a.preview = false
      ORDER BY a.attempt_number DESC, s.sco_identifier`,
    [activityId],
  );
}

export interface StoredSequencing {
  currentItem: string | null;
  /** The save's number within its session (absent on saves from launchers before it existed). */
  seq: number | null;
  /** Length of scorm-again's state JSON as stored. */
  length: number;
  /** That state parsed; null when nothing is stored or it is not plain JSON. */
  state: { sequencing?: { currentActivity?: string | null; suspendedActivity?: string | null; activityStates?: Record<string, { isActive?: boolean }> } } | null;
}

/** The learner's latest attempt's stored sequencing state (SCORM 2004 sequenced packages). */
export async function storedSequencing(activityId: string): Promise<StoredSequencing> {
  const [row] = await db<{ current_item: string | null; box: { state?: unknown; seq?: number } | null }>(
    `SELECT current_item, sequencing_state AS box FROM tracking_attempts WHERE activity_id = $1 AND preview = false ORDER BY attempt_number DESC LIMIT 1`,
    [activityId],
  );
  const text = typeof row?.box?.state === 'string' ? row.box.state : null;
  let state: StoredSequencing['state'] = null;
  try {
    state = text ? (JSON.parse(text) as StoredSequencing['state']) : null;
  } catch {
    state = null;
  }
  return { currentItem: row?.current_item ?? null, seq: row?.box?.seq ?? null, length: text?.length ?? 0, state };
}

/** Polls until the rows satisfy a condition (beacons and offline replays arrive a little later). */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs} ms; last: ${JSON.stringify(last, null, 1).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 300));
    last = await read();
  }
  return last;
}
