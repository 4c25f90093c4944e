import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO, signIn } from '../support/auth';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, type Viewport } from '../support/browser';
import { ApiSession, classroomCourse, findUser, SAMPLES, scormCourse, type BuiltCourse } from '../support/learning-api';

/**
 * Issue 5 in the admin portal: cohorts, bulk enrolment with its per-row report, enrolment settings
 * and saved rules, classroom sessions with the check-in QR code, attendance on a phone, the
 * approval queue and the JP compliance report.
 */

const BUDI = { name: 'Budi Santoso, S.Kom.', nip: '198609262015051001', email: 'budi.santoso@semarangkota.go.id' };
const SITI = { name: 'dr. Siti Aminah', nip: '199104172019032002', email: 'siti.aminah@semarangkota.go.id' };
const AGUS = { name: 'Agus Prasetyo', nip: '199308082022211003', email: 'agus.prasetyo@semarangkota.go.id' };
/** Not a NIP at all: 12 digits. */
const BAD_NIP = '198001012000';

async function signedIn(browser: Browser, identifier: string, viewport: Viewport = DESKTOP) {
  const session = await newPage(browser, viewport);
  await signIn(session.page, '/admin/login', identifier);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/admin/login'));
  return session;
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('enrolment in the admin portal', () => {
  let browser: Browser;
  let admin: ApiSession;

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await ApiSession.signIn(browser, DEMO.semarangAdmin);
  });
  afterAll(async () => {
    await admin.close();
    await browser.close();
  });

  it('[agency admin] plans a cohort, bulk-enrols the Dinas Kesehatan people from a CSV with one bad NIP and sees the per-row report', async () => {
    const course = await classroomCourse(admin, { title: `Manajemen Pelayanan Kesehatan ${Date.now().toString(36)}`, jp: 0 });
    const { context, page } = await signedIn(browser, DEMO.semarangAdmin);

    // The course editor leads to the new tabs.
    await page.goto(`/admin/kursus/${course.id}`);
    await page.getByRole('navigation', { name: 'Halaman kursus' }).getByRole('link', { name: 'Angkatan' }).click();
    await page.getByRole('heading', { name: 'Belum ada angkatan' }).waitFor();

    // A cohort of two seats with a waitlist.
    await page.getByRole('button', { name: 'Tambah angkatan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah angkatan' });
    await dialog.getByLabel('Nama angkatan').fill('Angkatan I 2026');
    // Ends before it starts: refused on the field, in Indonesian.
    await dialog.getByLabel('Tanggal mulai').fill('2026-12-10');
    await dialog.getByLabel('Tanggal selesai').fill('2026-12-01');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Angkatan tidak boleh selesai sebelum dimulai.').waitFor();
    await dialog.getByLabel('Tanggal selesai').fill('2026-12-12');
    await dialog.getByLabel('Kuota peserta').fill('2');
    await screenshot(page, 'admin-angkatan-form');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const cohorts = page.getByRole('table', { name: 'Angkatan kursus' });
    await cohorts.getByText('Angkatan I 2026').waitFor();
    expect(await cohorts.getByTestId('cohort-seats').innerText()).toBe('0 / 2 terisi');

    // Bulk enrolment from a CSV: two NIPs of Dinas Kesehatan, one bad line, one unknown NIP... of another agency.
    await page.getByRole('link', { name: 'Peserta' }).click();
    await page.getByRole('link', { name: 'Pendaftaran massal' }).click();
    await page.getByRole('heading', { name: 'Pendaftaran massal', level: 2 }).waitFor();
    await page.getByRole('radio', { name: /^Berkas CSV/ }).check();
    const csv = ['nip', BUDI.nip, BAD_NIP, SITI.nip].join('\n') + '\n';
    await page.getByLabel('Berkas CSV', { exact: true }).setInputFiles({ name: 'dinkes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

    // Without a cohort the request is refused before anything is sent.
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.getByText('Pilih angkatan.').waitFor();
    await page.getByLabel('Angkatan').selectOption({ label: 'Angkatan I 2026' });

    // "Periksa dulu": the report, nobody enrolled yet.
    await page.getByRole('button', { name: 'Periksa dulu' }).click();
    await page.getByRole('heading', { name: 'Hasil pemeriksaan (belum ada yang didaftarkan)' }).waitFor();
    expect((await admin.get<{ total: number }>(`/courses/${course.id}/enrolments`)).total).toBe(0);

    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.getByRole('heading', { name: 'Laporan pendaftaran' }).waitFor();
    expect(await page.getByTestId('bulk-count-enrolled').innerText()).toBe('Didaftarkan: 2');
    expect(await page.getByTestId('bulk-count-invalid_nip').innerText()).toBe('NIP tidak valid: 1');
    const rows = page.getByRole('table', { name: 'Hasil per baris' }).locator('tbody tr');
    expect(await rows.count()).toBe(3);
    // The bad NIP is reported on its own line of the file (header = line 1).
    const bad = rows.filter({ hasText: 'NIP tidak valid' });
    expect(await bad.locator('td').first().innerText()).toBe('3');
    expect(await rows.filter({ hasText: BUDI.name }).innerText()).toContain('Didaftarkan');
    await screenshot(page, 'admin-pendaftaran-massal-laporan');

    // The same file again: nobody twice.
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.getByTestId('bulk-count-already_enrolled').waitFor();
    expect(await page.getByTestId('bulk-count-already_enrolled').innerText()).toBe('Sudah terdaftar: 2');

    // "Peserta" lists them with status and cohort; the cohort is now full.
    await page.goto(`/admin/kursus/${course.id}/peserta`);
    const table = page.getByRole('table', { name: 'Peserta kursus' });
    await table.getByText(BUDI.name).waitFor();
    expect(await page.getByTestId('enrolment-total').innerText()).toBe('2 peserta');
    expect(await table.innerText()).toContain('Angkatan I 2026');
    await screenshot(page, 'admin-peserta');

    // Unenrolling keeps the record: Siti is listed as withdrawn and her seat is free again.
    await page.getByRole('button', { name: `Batalkan pendaftaran ${SITI.name}` }).click();
    const withdraw = page.getByRole('dialog', { name: 'Batalkan pendaftaran?' });
    await withdraw.getByLabel('Alasan').fill('Dipindahkan ke angkatan berikutnya');
    await withdraw.getByRole('button', { name: 'Batalkan pendaftaran' }).click();
    await withdraw.waitFor({ state: 'detached' });
    await table.locator('tr', { hasText: SITI.name }).getByText('Dibatalkan').waitFor();
    const enrolments = await admin.get<{ items: { status: string; learner: { nip: string } }[] }>(`/courses/${course.id}/enrolments?status=withdrawn`);
    expect(enrolments.items.map((e) => e.learner.nip)).toEqual([SITI.nip]);

    // One more person, found by name in the dialog, takes the free seat; then completes the course.
    await page.getByRole('button', { name: 'Daftarkan peserta' }).click();
    const enrolOne = page.getByRole('dialog', { name: 'Daftarkan satu peserta' });
    await enrolOne.getByLabel('Cari pegawai').fill('Agus');
    await enrolOne.getByRole('radio', { name: /Agus Prasetyo/ }).check();
    await enrolOne.getByLabel('Angkatan').selectOption({ label: 'Angkatan I 2026' });
    await screenshot(page, 'admin-peserta-daftarkan');
    await enrolOne.getByRole('button', { name: 'Daftarkan' }).click();
    await enrolOne.waitFor({ state: 'detached' });
    await page.getByText(`${AGUS.name} telah didaftarkan.`).waitFor();
    await page.getByRole('button', { name: `Tandai selesai: ${AGUS.name}` }).click();
    const complete = page.getByRole('dialog', { name: 'Tandai kursus selesai?' });
    await complete.getByRole('button', { name: 'Tandai selesai' }).click();
    await complete.waitFor({ state: 'detached' });
    await table.locator('tr', { hasText: AGUS.name }).getByText('Selesai').waitFor();

    await page.getByRole('link', { name: 'Angkatan' }).click();
    expect(await page.getByTestId('cohort-seats').innerText()).toBe('2 / 2 terisi');
    await screenshot(page, 'admin-angkatan');
    await context.close();
  });

  it('[agency admin] sets the enrolment method, saves a rule for a unit and runs it', async () => {
    const course = await classroomCourse(admin, { title: `Etika Pelayanan Publik ${Date.now().toString(36)}`, jp: 0 });
    const { context, page } = await signedIn(browser, DEMO.semarangAdmin);
    await page.goto(`/admin/kursus/${course.id}/pendaftaran`);
    await page.getByRole('radio', { name: /^Daftar dengan persetujuan/ }).check();
    await page.getByLabel('Batas waktu penyelesaian (hari)').fill('30');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Cara pendaftaran tersimpan.').waitFor();
    const settings = await admin.get<{ enrolmentPolicy: string; deadlineDays: number }>(`/courses/${course.id}/enrolment-settings`);
    expect(settings).toMatchObject({ enrolmentPolicy: 'approval', deadlineDays: 30 });

    await page.getByRole('button', { name: 'Tambah aturan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah aturan pendaftaran' });
    await dialog.getByLabel('Nama aturan').fill('Semua pegawai Dinas Pendidikan');
    // No criterion: refused by the API and shown under the unit.
    await dialog.getByRole('button', { name: 'Simpan aturan' }).click();
    await dialog.getByText('Pilih unit, jabatan, jenis jabatan, atau jenis pegawai.').waitFor();
    await dialog.getByLabel('Unit kerja').selectOption({ label: 'Dinas Pendidikan' });
    await dialog.getByRole('button', { name: 'Simpan aturan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const rules = page.getByRole('table', { name: 'Aturan pendaftaran' });
    await rules.getByText('Semua pegawai Dinas Pendidikan').waitFor();
    expect(await rules.innerText()).toContain('Dinas Pendidikan dan sub-unit');

    await page.getByRole('button', { name: 'Jalankan aturan Semua pegawai Dinas Pendidikan' }).click();
    await page.getByRole('heading', { name: 'Laporan pendaftaran' }).waitFor();
    expect(await page.getByTestId('bulk-count-enrolled').innerText()).toBe('Didaftarkan: 1');
    await rules.getByText('1 didaftarkan · 0 daftar tunggu · 0 sudah terdaftar').waitFor();
    await screenshot(page, 'admin-pendaftaran-aturan');
    const enrolled = await admin.get<{ items: { method: string; learner: { nip: string } }[] }>(`/courses/${course.id}/enrolments`);
    expect(enrolled.items.map((e) => [e.learner.nip, e.method])).toEqual([[AGUS.nip, 'rule']]);
    await context.close();
  });

  describe('classroom sessions', () => {
    let course: BuiltCourse;
    let sessionId: string;
    const sessionTitle = 'Sesi 1: Pembukaan';

    beforeAll(async () => {
      course = await classroomCourse(admin, { title: `Orientasi Pelayanan Kesehatan ${Date.now().toString(36)}`, jp: 0 });
      const instructor = await findUser(admin, DEMO.instructor);
      await admin.put(`/courses/${course.id}/instructors`, { userIds: [instructor.id] });
      const learners = await Promise.all([BUDI, SITI, AGUS].map((p) => findUser(admin, p.email)));
      await admin.post(`/courses/${course.id}/enrolments/bulk`, { by: 'users', userIds: learners.map((l) => l.id) });
      // Under way now, so the check-in QR code is live; 0 JP so other journeys' ledgers stay as they expect.
      const now = Date.now();
      const session = await admin.post<{ id: string }>(`/courses/${course.id}/activities/${course.activityId}/sessions`, {
        title: sessionTitle,
        startsAt: new Date(now - 15 * 60_000).toISOString(),
        endsAt: new Date(now + 90 * 60_000).toISOString(),
        location: 'Ruang Rapat Dinas Kesehatan Lt. 2',
        onlineUrl: 'https://zoom.us/j/1234567890',
        jp: 0,
      });
      sessionId = session.id;
    });

    it('[agency admin] schedules a session with a clear refusal first, and shows the rotating check-in QR code', async () => {
      const { context, page } = await signedIn(browser, DEMO.semarangAdmin);
      await page.goto(`/admin/kursus/${course.id}/sesi`);
      await page.getByRole('table', { name: 'Sesi Sesi kelas' }).getByText(sessionTitle).waitFor();

      await page.getByRole('button', { name: 'Tambah sesi' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tambah sesi' });
      await dialog.getByLabel('Judul sesi').fill('Sesi 2: Studi kasus');
      await dialog.getByLabel('Mulai').fill('2026-12-02T09:00');
      await dialog.getByLabel('Selesai').fill('2026-12-02T08:00');
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await dialog.getByText('Sesi harus berakhir setelah dimulai.').waitFor();
      await dialog.getByText('Isi tempat atau tautan daring.').waitFor();
      await dialog.getByLabel('Selesai').fill('2026-12-02T12:00');
      await dialog.getByLabel('Tempat', { exact: true }).fill('Aula Balai Kota');
      await dialog.getByLabel('JP sesi').fill('0');
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Sesi 2: Studi kasus').waitFor();
      await screenshot(page, 'admin-sesi');

      await page.getByRole('button', { name: `QR presensi ${sessionTitle}` }).click();
      const qr = page.getByRole('dialog', { name: `QR presensi: ${sessionTitle}` });
      await qr.getByTestId('check-in-qr').waitFor();
      const shown = await qr.getByTestId('check-in-code').innerText();
      const current = await admin.get<{ code: string }>(`/sessions/${sessionId}/check-in-code`);
      // The code changes every minute; at a boundary the screen may still show the previous one.
      expect(shown).toMatch(/^\S{4,}$/);
      expect(typeof current.code).toBe('string');
      const width = await qr.getByTestId('check-in-qr').evaluate((img) => (img as HTMLImageElement).naturalWidth);
      expect(width).toBeGreaterThan(100);
      await screenshot(page, 'admin-sesi-qr', { fullPage: false });
      await context.close();
    });

    it('[instructor] takes attendance on a 360 px phone screen', async () => {
      const { context, page } = await signedIn(browser, DEMO.instructor, PHONE);
      await page.goto(`/admin/kursus/${course.id}/sesi`);
      await page.getByRole('link', { name: `Presensi ${sessionTitle}` }).click();
      await page.getByRole('heading', { name: sessionTitle, level: 1 }).waitFor();
      const count = page.getByTestId('attendance-count');
      expect(await count.innerText()).toContain('Hadir 0 dari 3');
      const list = page.getByRole('list', { name: 'Daftar peserta sesi' });
      await list.getByRole('checkbox', { name: /Budi Santoso/ }).check();
      await list.getByRole('checkbox', { name: /Agus Prasetyo/ }).check();
      expect(await count.innerText()).toContain('Hadir 2 dari 3');
      await page.getByText('2 perubahan belum disimpan').waitFor();
      await noHorizontalScroll(page);
      // A finger-sized target: the whole row is the checkbox's label.
      const box = await list.locator('label').first().boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(48);
      await screenshot(page, 'admin-presensi-phone');

      await page.getByRole('button', { name: 'Simpan kehadiran' }).click();
      await page.getByText('Kehadiran tersimpan.').waitFor();
      const sheet = await admin.get<{ items: { name: string; present: boolean; method: string | null }[] }>(`/sessions/${sessionId}/attendance`);
      expect(sheet.items.filter((r) => r.present).map((r) => [r.name, r.method]).sort()).toEqual([
        [AGUS.name, 'instructor'],
        [BUDI.name, 'instructor'],
      ]);

      // After a reload the marks are still there, and unticking one is saved as absent.
      await page.reload();
      await page.getByTestId('attendance-count').getByText('Hadir 2 dari 3').waitFor();
      await list.getByRole('checkbox', { name: /Agus Prasetyo/ }).uncheck();
      await page.getByRole('button', { name: 'Simpan kehadiran' }).click();
      await page.getByText('Kehadiran tersimpan.').waitFor();
      expect(await page.getByTestId('attendance-count').innerText()).toContain('Hadir 1 dari 3');
      await screenshot(page, 'admin-presensi-tersimpan-phone');
      await context.close();
    });
  });

  it('[agency admin] rejects an enrolment request with a reason in the approval queue', async () => {
    const course = await classroomCourse(admin, { title: `Kepemimpinan Pengawas ${Date.now().toString(36)}`, jp: 0 });
    await admin.put(`/courses/${course.id}/enrolment-settings`, { enrolmentPolicy: 'approval' });
    const learner = await ApiSession.signIn(browser, AGUS.email);
    await learner.post('/enrolments', { courseId: course.id, reason: 'Untuk persiapan promosi' });
    await learner.close();

    const { context, page } = await signedIn(browser, DEMO.semarangAdmin);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Persetujuan' }).click();
    const requests = page.getByRole('table', { name: 'Permintaan pendaftaran' });
    const row = requests.locator('tr', { hasText: course.title });
    await row.getByText('Untuk persiapan promosi').waitFor();
    await screenshot(page, 'admin-persetujuan');

    await row.getByRole('button', { name: `Tolak ${AGUS.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Tolak permintaan?' });
    await dialog.getByRole('button', { name: 'Tolak' }).click();
    await dialog.getByText('Tuliskan alasan untuk peserta.').waitFor();
    await dialog.getByLabel('Alasan penolakan').fill('Kuota tahun ini sudah penuh');
    await dialog.getByRole('button', { name: 'Tolak' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Permintaan ${AGUS.name} ditolak.`).waitFor();
    await row.waitFor({ state: 'detached' });
    const enrolments = await admin.get<{ items: { status: string; decision: string; decisionReason: string }[] }>(`/courses/${course.id}/enrolments`);
    expect(enrolments.items).toEqual([expect.objectContaining({ status: 'withdrawn', decision: 'rejected', decisionReason: 'Kuota tahun ini sudah penuh' })]);
    await context.close();
  });

  it('[agency admin] sees who is below the JP target per unit and exports the report', async () => {
    const { context, page } = await signedIn(browser, DEMO.semarangAdmin);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Laporan JP' }).click();
    const table = page.getByRole('table', { name: 'Capaian JP pegawai' });
    await table.locator('tbody tr').first().waitFor();
    // Default view: only those below target, every row says so.
    const statuses = await table.locator('tbody tr td:last-child').allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Di bawah target']));

    await page.getByLabel('Unit kerja').selectOption({ label: 'Dinas Kesehatan' });
    await page.waitForURL(/unit=/);
    await table.locator('tbody tr').first().waitFor();
    const units = await table.locator('tbody tr td:first-child').allInnerTexts();
    expect(units.every((u) => u.startsWith('Bidang') || u === 'Dinas Kesehatan')).toBe(true);
    await screenshot(page, 'admin-laporan-jp');

    for (const [label, type] of [
      ['Unduh XLSX', 'spreadsheetml'],
      ['Unduh CSV', 'text/csv'],
    ]) {
      const href = await page.getByRole('link', { name: label }).getAttribute('href');
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
    }

    // Targets: a cap below the target is refused on the field, and nothing changes.
    const pns = page.getByRole('group', { name: /^PNS/ });
    await pns.getByLabel('Batas maksimal (JP)').fill('10');
    await page.getByRole('button', { name: 'Simpan target' }).click();
    await pns.getByText('Batas maksimal tidak boleh di bawah target.').waitFor();
    const targets = await admin.get<{ items: { employmentType: string; target: number | null; cap: number | null; isDefault: boolean }[] }>('/jp-targets');
    expect(targets.items.find((i) => i.employmentType === 'PNS')).toMatchObject({ target: 20, cap: null, isDefault: true });
    await context.close();
  });
  it('[agency admin] follows a learner\'s progress in a SCORM course down to the answers of one attempt, and exports it', async () => {
    const course = await scormCourse(admin, {
      title: `Golf untuk Tim Kesehatan ${Date.now().toString(36)}`,
      jp: 0,
      zip: path.join(SAMPLES, 'golf-scorm2004-3rd-runtime-basic-calls.zip'),
      policy: 'self',
    });
    // Agus learns: the launcher on the content origin commits what the content reports.
    const learner = await ApiSession.signIn(browser, AGUS.email);
    await learner.post('/enrolments', { courseId: course.id });
    const launch = await learner.post<{ attemptId: string; launcherUrl: string }>(`/learning/activities/${course.activityId}/launch`);
    await learner.close();
    const launcher = new URL(launch.launcherUrl);
    const token = launcher.searchParams.get('t')!;
    const rt = await browser.newContext();
    const rtUrl = (p: string) => `${launcher.origin}/rt/${launch.attemptId}/${p}?t=${encodeURIComponent(token)}`;
    const state = (await (await rt.request.get(rtUrl('state'))).json()) as { session: number; items: { identifier: string }[] };
    const sco = state.items[0].identifier;
    const commit = await rt.request.post(rtUrl(`sco/${encodeURIComponent(sco)}/commit`), {
      data: {
        session: state.session,
        commitSequence: 1,
        cmi: {
          completion_status: 'completed',
          success_status: 'passed',
          score: { scaled: '0.8', raw: '80', min: '0', max: '100' },
          session_time: 'PT12M30S',
          interactions: {
            '0': { id: 'etiket-1', type: 'choice', description: 'Siapa yang memukul lebih dulu?', learner_response: 'b', result: 'correct', correct_responses: { '0': { pattern: 'b' } } },
            '1': { id: 'etiket-2', type: 'true-false', learner_response: 'false', result: 'incorrect', correct_responses: { '0': { pattern: 'true' } } },
          },
        },
      },
    });
    expect(await commit.json()).toEqual({ result: true, errorCode: 0 });
    await rt.close();

    const { context, page } = await signedIn(browser, DEMO.semarangAdmin);
    await page.goto(`/admin/kursus/${course.id}`);
    await page.getByRole('navigation', { name: 'Halaman kursus' }).getByRole('link', { name: 'Progres' }).click();
    const table = page.getByRole('table', { name: 'Progres peserta' });
    const row = table.locator('tr', { hasText: AGUS.name });
    await row.waitFor();
    expect(await row.getByTestId('progress-percent').innerText()).toBe('100%');
    expect(await row.innerText()).toContain('80%');
    expect(await row.innerText()).toContain('12 m');
    await screenshot(page, 'admin-progres');

    const csvHref = await page.getByRole('link', { name: 'Unduh CSV' }).getAttribute('href');
    const csv = await page.request.get(csvHref!);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain(AGUS.name);

    await row.getByRole('link', { name: AGUS.name }).click();
    await page.getByRole('heading', { name: AGUS.name, level: 1 }).waitFor();
    await screenshot(page, 'admin-progres-peserta');
    await page.getByRole('link', { name: 'Percobaan ke-1' }).click();
    const answers = page.getByRole('table', { name: /^Interaksi / });
    await answers.getByText('etiket-1').waitFor();
    const rows = await answers.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Siapa yang memukul lebih dulu?');
    expect(rows[0]).toContain('correct');
    expect(rows[1]).toContain('incorrect');
    await screenshot(page, 'admin-percobaan');
    await context.close();
  });
});
