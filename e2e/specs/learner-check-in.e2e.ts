import type { Browser } from 'playwright-core';
import { DEMO, signIn } from '../support/auth';
import { launchBrowser, newPage, PHONE, screenshot } from '../support/browser';
import { ApiSession, classroomCourse, type BuiltCourse } from '../support/learning-api';

/**
 * QR check-in: the instructor's screen shows a rotating code whose URL opens the learner portal's
 * `/hadir/<session>?kode=<code>`; scanning it on a phone signs the learner in if needed, records
 * them present and credits the session's JP.
 */
describe('classroom check-in in the learner portal', () => {
  let browser: Browser;
  let admin: ApiSession;
  let course: BuiltCourse;
  let sessionId: string;
  const title = `Rapat Koordinasi Pelayanan ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await ApiSession.signIn(browser, DEMO.semarangAdmin);
    course = await classroomCourse(admin, { title, jp: 0 });
    // Under way now: the check-in window is open.
    const now = Date.now();
    const session = await admin.post<{ id: string }>(`/courses/${course.id}/activities/${course.activityId}/sessions`, {
      title: 'Sesi 1: Standar pelayanan',
      startsAt: new Date(now - 10 * 60_000).toISOString(),
      endsAt: new Date(now + 50 * 60_000).toISOString(),
      location: 'Aula Balai Kota Semarang',
      jp: 2,
    });
    sessionId = session.id;
    const learner = await ApiSession.signIn(browser, DEMO.learnerEmail);
    await learner.post('/enrolments', { courseId: course.id });
    await learner.close();
  });
  afterAll(async () => {
    await admin.close();
    await browser.close();
  });

  it('[learner] scans a wrong code, then the current one on a phone: signs in, is checked in and earns the session JP', async () => {
    const { context, page } = await newPage(browser, PHONE);
    const code = await admin.get<{ url: string; code: string }>(`/sessions/${sessionId}/check-in-code`);
    const url = new URL(code.url);
    expect(url.pathname).toBe(`/hadir/${sessionId}`);
    expect(url.searchParams.get('kode')).toBe(code.code);

    // A stale or mistyped code: told plainly, nothing recorded.
    await page.goto(`/hadir/${sessionId}?kode=000000`);
    await page.waitForURL('**/login**');
    await signIn(page, page.url(), DEMO.learnerNip);
    await page.getByRole('heading', { name: 'Kehadiran belum tercatat' }).waitFor();
    await page.getByText('Kode presensi salah atau sudah kedaluwarsa').waitFor();
    await screenshot(page, 'learner-hadir-gagal-phone');

    // The QR code's own address, scanned again: present.
    const current = await admin.get<{ url: string }>(`/sessions/${sessionId}/check-in-code`);
    const scanned = new URL(current.url);
    await page.goto(`${scanned.pathname}${scanned.search}`);
    await page.getByRole('heading', { name: 'Kehadiran tercatat' }).waitFor();
    expect(await page.getByRole('status').innerText()).toContain('Sesi 1: Standar pelayanan');
    await screenshot(page, 'learner-hadir-phone');

    // The course page's schedule says so, and the JP ledger has the session's 2 JP.
    await page.goto(`/kursus/${course.id}`);
    const schedule = page.getByRole('region', { name: 'Jadwal sesi kelas' });
    await schedule.getByText('Aula Balai Kota Semarang', { exact: false }).waitFor();
    await schedule.getByText('Hadir', { exact: true }).waitFor();
    await page.goto('/jp');
    const row = page.getByRole('row', { name: /Sesi 1: Standar pelayanan/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Sesi kelas');
    await context.close();

    const attendance = await admin.get<{ items: { name: string; present: boolean; method: string | null }[] }>(`/sessions/${sessionId}/attendance`);
    expect(attendance.items.find((r) => r.name.startsWith('Budi Santoso'))).toMatchObject({ present: true, method: 'qr' });
  });
});
