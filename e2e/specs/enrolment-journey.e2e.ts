import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO, signIn } from '../support/auth';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, type Viewport } from '../support/browser';
import { ApiSession, classroomCourse, makeSupervisor, SAMPLES, scormCourse, type BuiltCourse } from '../support/learning-api';

/**
 * Issue 5's learner journey in the learner portal: find a course in the catalogue, ask to enrol,
 * the supervisor (head of the learner's unit, an ordinary employee) approves in the same portal,
 * the learner completes the SCORM content in the player and finds the course's JP in the ledger.
 */

const SUPERVISOR = 'siti.aminah@semarangkota.go.id';
const GOLF_12 = path.join(SAMPLES, 'golf-scorm12-runtime-basic-calls.zip');

async function signedIn(browser: Browser, identifier: string, viewport: Viewport = DESKTOP) {
  const session = await newPage(browser, viewport);
  await signIn(session.page, '/login', identifier);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return session;
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('enrolment journey in the learner portal', () => {
  let browser: Browser;
  let course: BuiltCourse;
  const title = `Pelayanan Publik Prima ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await ApiSession.signIn(browser, DEMO.semarangAdmin);
    try {
      await makeSupervisor(admin, DEMO.learnerEmail, SUPERVISOR);
      course = await scormCourse(admin, {
        title,
        jp: 3,
        zip: GOLF_12,
        policy: 'approval',
        description: 'Standar pelayanan, budaya melayani, dan pengelolaan pengaduan masyarakat.',
      });
    } finally {
      await admin.close();
    }
  });
  afterAll(() => browser.close());

  it('[learner → supervisor → learner] finds the course, requests enrolment, is approved, completes it in the player and sees the JP', async () => {
    // --- the learner finds the course and asks for a place ---
    const learner = await signedIn(browser, DEMO.learnerNip);
    const page = learner.page;
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Katalog' }).click();
    await page.getByRole('heading', { name: 'Katalog Pelatihan', level: 1 }).waitFor();
    await page.getByLabel('Cari kursus').fill(title);
    const card = page.getByRole('article', { name: title });
    await card.waitFor();
    expect(await card.innerText()).toContain('3 JP');
    expect(await card.innerText()).toContain('Perlu persetujuan');
    await page.locator('.course-grid:not(.course-card-busy)').waitFor();
    await screenshot(page, 'learner-katalog');
    await card.getByRole('link', { name: title }).click();

    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    const about = await page.locator('main').innerText();
    expect(about).toContain('Golf untuk Pemula');
    expect(about).toContain('Pendaftaran perlu disetujui kepala unit Anda');
    await page.getByRole('button', { name: /^Ajukan pendaftaran/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajukan pendaftaran' });
    await dialog.getByLabel(/Catatan untuk atasan/).fill('Untuk mendukung tugas pelayanan di puskesmas.');
    await screenshot(page, 'learner-kursus-ajukan', { fullPage: false });
    await dialog.getByRole('button', { name: 'Kirim permohonan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Menunggu persetujuan').first().waitFor();
    await screenshot(page, 'learner-kursus-menunggu');

    // "Pembelajaran Saya" lists the request as waiting.
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pembelajaran Saya' }).click();
    const waiting = page.getByRole('region', { name: /Menunggu persetujuan atau kursi/ });
    await waiting.getByRole('link', { name: title }).waitFor();

    // --- the supervisor, an ordinary employee heading the unit, approves in the learner portal ---
    const supervisor = await signedIn(browser, SUPERVISOR);
    const nav = supervisor.page.getByRole('navigation', { name: 'Navigasi utama' });
    await nav.getByRole('link', { name: /Persetujuan \(\d+\)/ }).click();
    await supervisor.page.getByRole('heading', { name: 'Persetujuan', level: 1 }).waitFor();
    const request = supervisor.page.getByRole('listitem', { name: `Budi Santoso, S.Kom. — ${title}` });
    await request.getByText('Untuk mendukung tugas pelayanan di puskesmas.').waitFor();
    await screenshot(supervisor.page, 'learner-persetujuan');
    await request.getByRole('button', { name: /^Setujui/ }).click();
    const approve = supervisor.page.getByRole('dialog', { name: 'Setujui permohonan' });
    await approve.getByLabel(/Catatan untuk pegawai/).fill('Silakan, semoga bermanfaat.');
    await approve.getByRole('button', { name: 'Setujui' }).click();
    await request.waitFor({ state: 'detached' });
    await supervisor.context.close();

    // --- the learner is told, and starts ---
    await page.goto(`/kursus/${course.id}`);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('Terdaftar', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: /^Notifikasi, \d+ belum dibaca/ }).click();
    await page.getByRole('region', { name: 'Notifikasi' }).getByText(`Pendaftaran Anda ke ${title} disetujui.`).waitFor();
    await screenshot(page, 'learner-notifikasi-lonceng', { fullPage: false });
    await page.keyboard.press('Escape');

    const jpBefore = await jpEntriesFor(page, title);
    expect(jpBefore).toBe(0);

    await page.goto(`/kursus/${course.id}`);
    await page.getByRole('link', { name: 'Mulai' }).click();
    await page.waitForURL(`**/kursus/${course.id}/aktivitas/${course.activityId}`);
    // Golf (SCORM 1.2): the course counts as completed on its last page; "Next ->" walks there.
    const sco = page.frameLocator('iframe.lp-frame').frameLocator('#sco');
    const next = sco.locator('#butNext');
    await next.waitFor({ timeout: 30_000 });
    for (let i = 0; i < 14; i += 1) {
      await sco.locator('#butNext:not([disabled])').click();
    }
    await expect(next.isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL((url) => url.pathname === `/kursus/${course.id}`, { timeout: 20_000 });

    // The course page shows it done, and the JP ledger holds the course's 3 JP, traceable to the course.
    await eventually(async () => {
      await page.reload();
      await page.getByRole('heading', { name: title, level: 1 }).waitFor();
      return (await page.getByRole('complementary').innerText()).includes('Anda telah menyelesaikan kursus ini');
    }, 'the course page shows the course completed');
    await screenshot(page, 'learner-kursus-selesai');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'JP Saya' }).click();
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Kursus selesai');
    expect(await row.innerText()).toMatch(/\b3\b/);
    await row.getByRole('link', { name: new RegExp(title) }).waitFor();
    await screenshot(page, 'learner-jp');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pembelajaran Saya' }).click();
    await page.getByRole('region', { name: 'JP tahun ini' }).waitFor();
    await page.getByRole('region', { name: /^Selesai/ }).getByRole('link', { name: title }).waitFor();
    await screenshot(page, 'learner-pembelajaran-saya-jp');
    await learner.context.close();
  });

  it('[learner] joins the waiting list of a full cohort, sees an admin-only cohort as such, withdraws; the page reads in English too', async () => {
    const admin = await ApiSession.signIn(browser, DEMO.semarangAdmin);
    const cohortTitle = `Kepemimpinan Pengawas ${Date.now().toString(36)}`;
    const cohortCourse = await classroomCourse(admin, { title: cohortTitle, jp: 12 });
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    await admin.post(`/courses/${cohortCourse.id}/cohorts`, { name: 'Angkatan I 2026', startsOn: day(7), endsOn: day(9), capacity: 1, waitlistEnabled: true });
    await admin.post(`/courses/${cohortCourse.id}/cohorts`, { name: 'Angkatan Khusus', startsOn: day(14), endsOn: day(16), enrolmentPolicy: 'admin_only' });
    await admin.close();
    // Someone else takes the only seat of Angkatan I.
    const other = await ApiSession.signIn(browser, 'agus.prasetyo@semarangkota.go.id');
    const cohorts = (await other.get<{ cohorts: { id: string; name: string }[] }>(`/catalogue/${cohortCourse.id}`)).cohorts;
    await other.post('/enrolments', { courseId: cohortCourse.id, cohortId: cohorts.find((c) => c.name === 'Angkatan I 2026')!.id });
    await other.close();

    const { context, page } = await signedIn(browser, DEMO.learnerNip);
    await page.goto(`/kursus/${cohortCourse.id}`);
    const list = page.getByRole('region', { name: 'Angkatan' });
    const first = list.getByRole('listitem').filter({ hasText: 'Angkatan I 2026' }).first();
    await first.getByText('Sisa 0 dari 1 kursi').waitFor();
    await first.getByText('Penuh').first().waitFor();
    await list.getByRole('listitem').filter({ hasText: 'Angkatan Khusus' }).first().getByText('Peserta didaftarkan oleh admin instansi').waitFor();
    await first.getByRole('button', { name: /^Masuk daftar tunggu/ }).click();
    const panel = page.getByRole('complementary');
    await panel.getByText('Daftar tunggu ke-1').waitFor();
    await panel.getByText('Angkatan: Angkatan I 2026').waitFor();
    await first.getByText('Angkatan Anda').waitFor();
    await screenshot(page, 'learner-kursus-angkatan');

    // English, same page.
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await panel.getByText('Waitlist no. 1').waitFor();
    await page.getByRole('heading', { name: 'Cohorts' }).waitFor();
    await screenshot(page, 'learner-kursus-angkatan-en');
    await page.getByRole('button', { name: 'Withdraw' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw from the course?' });
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Join the waiting list/ }).waitFor();
    await page.getByRole('button', { name: 'ID', exact: true }).first().click();
    await context.close();
  });

  it('[learner] uses the catalogue, course page, my learning and JP on a 360 px phone', async () => {
    const { context, page } = await signedIn(browser, DEMO.learnerNip, PHONE);
    for (const [path, heading, name] of [
      ['/katalog', 'Katalog Pelatihan', 'learner-katalog-phone'],
      [`/kursus/${course.id}`, title, 'learner-kursus-phone'],
      ['/pembelajaran', 'Pembelajaran Saya', 'learner-pembelajaran-saya-phone'],
      ['/jp', 'JP Saya', 'learner-jp-phone'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByText('Memuat…').first().waitFor({ state: 'hidden' }).catch(() => undefined);
      await noHorizontalScroll(page);
      await screenshot(page, name);
    }
    // The bell stays in the bar on a phone, outside the folded menu.
    expect(await page.getByRole('button', { name: /^Notifikasi/ }).isVisible()).toBe(true);
    await context.close();
  });
});

/** Polls a condition a person would wait for by reloading (the runtime rolls up right after the exit commit). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** How many ledger rows of this year name the course (0 before completion). */
async function jpEntriesFor(page: Page, title: string): Promise<number> {
  await page.goto('/jp');
  await page.getByRole('heading', { name: 'JP Saya', level: 1 }).waitFor();
  await page.getByRole('table').or(page.getByText('Belum ada JP yang tercatat')).first().waitFor();
  return page.getByRole('row', { name: new RegExp(title) }).count();
}
