import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { DEMO, signIn } from '../support/auth';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, type Viewport } from '../support/browser';
import { ApiSession, classroomCourse, type BuiltCourse } from '../support/learning-api';

/**
 * Issue 6 in the browser: an agency admin designs a certificate template, issues the certificates of
 * a cohort as a bulk job while the progress shows, the learner downloads the PDF, and the public
 * verification page (no login, phone width) says valid, then revoked after the admin revokes.
 */

const BUDI = { name: 'Budi Santoso, S.Kom.', nip: '198609262015051001', email: DEMO.learnerEmail };
const SITI = { name: 'dr. Siti Aminah', nip: '199104172019032002' };
const AGUS = { nip: '199308082022211003' };

/** A light background with a frame, so the designer shows a real image behind the fields. */
function backgroundPng(): Buffer {
  const png = new PNG({ width: 842, height: 595 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (png.width * y + x) << 2;
      const edge = Math.min(x, y, png.width - 1 - x, png.height - 1 - y);
      const frame = (edge >= 14 && edge < 22) || (edge >= 28 && edge < 30);
      png.data[i] = frame ? 31 : 250;
      png.data[i + 1] = frame ? 95 : 247;
      png.data[i + 2] = frame ? 168 : 238;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/**
 * The text of a PDF file and the QR code on its first page, read by pdf.js (pdf-parse) and jsQR in a
 * child process (pdf.js needs real dynamic imports, which Jest's module system does not give it).
 * The page is also saved as a PNG beside the screenshots, to look at.
 */
async function readPdf(file: string, png: string): Promise<{ text: string; qr: string | null }> {
  const script = `const fs = require('node:fs');
    const { PDFParse } = require('pdf-parse');
    const { PNG } = require('pngjs');
    const jsQR = require('jsqr');
    (async () => {
      const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(process.argv[1])) });
      const text = (await parser.getText()).text;
      const shot = await parser.getScreenshot({ scale: 2, imageBuffer: true, imageDataUrl: false });
      const image = PNG.sync.read(Buffer.from(shot.pages[0].data));
      fs.writeFileSync(process.argv[2], PNG.sync.write(image));
      const qr = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
      await parser.destroy();
      process.stdout.write(JSON.stringify({ text, qr: qr ? qr.data : null }));
    })();`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, file, png], { cwd: __dirname, maxBuffer: 10 * 1024 * 1024 });
  return JSON.parse(stdout) as { text: string; qr: string | null };
}

const jakartaDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });

async function signedIn(browser: Browser, path: string, identifier: string, viewport: Viewport = DESKTOP) {
  const session = await newPage(browser, viewport);
  await signIn(session.page, path, identifier);
  await session.page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return session;
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const inputNumber = async (page: Page, label: string) => Number(await page.getByLabel(label, { exact: true }).inputValue());

describe('certificates', () => {
  let browser: Browser;
  let course: BuiltCourse;
  let cohortName: string;
  const stamp = Date.now().toString(36);
  const templateName = `Sertifikat Pelatihan ${stamp}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A finished classroom course with a cohort: Budi and Siti completed it, Agus did not.
    const admin = await ApiSession.signIn(browser, DEMO.semarangAdmin);
    try {
      course = await classroomCourse(admin, { title: `Etika Pelayanan Publik ${stamp}`, jp: 6 });
      cohortName = `Angkatan I ${stamp}`;
      const cohort = await admin.post<{ id: string }>(`/courses/${course.id}/cohorts`, { name: cohortName, startsOn: jakartaDay(-10), endsOn: jakartaDay(-1) });
      const report = await admin.post<{ rows: { nip: string | null; enrolmentId: string | null; outcome: string }[] }>(`/courses/${course.id}/enrolments/bulk`, {
        by: 'nips',
        nips: [BUDI.nip, SITI.nip, AGUS.nip],
        cohortId: cohort.id,
      });
      for (const nip of [BUDI.nip, SITI.nip]) {
        const row = report.rows.find((r) => r.nip === nip);
        if (!row?.enrolmentId) throw new Error(`${nip} was not enrolled: ${JSON.stringify(report.rows)}`);
        await admin.post(`/enrolments/${row.enrolmentId}/complete`);
      }
    } finally {
      await admin.close();
    }
  });
  afterAll(() => browser.close());

  it('[admin → learner → public] designs a template, issues to a cohort with progress, the learner downloads the PDF, verification shows valid then revoked', async () => {
    // --- the admin designs a template ---
    const admin = await signedIn(browser, '/admin/login', DEMO.semarangAdmin);
    const page = admin.page;
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Sertifikat' }).click();
    await page.getByRole('heading', { name: 'Sertifikat', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Halaman sertifikat' }).getByRole('link', { name: 'Templat' }).click();
    await page.getByRole('link', { name: 'Buat templat' }).first().click();
    await page.getByRole('heading', { name: 'Templat baru', level: 1 }).waitFor();

    const canvas = page.getByTestId('designer-canvas');
    await canvas.waitFor();
    // Landscape A4 at scale: width / height = 297 / 210.
    const box = (await canvas.boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(297 / 210, 1);

    await page.getByLabel('Nama templat', { exact: true }).fill(templateName);
    await page.getByLabel('Nama penanda tangan', { exact: true }).fill('Dr. Hendrar Prihadi, M.M.');
    await page.getByLabel('Jabatan penanda tangan', { exact: true }).fill('Kepala BKPSDM Kota Semarang');

    // Background upload with its progress, then shown behind the fields.
    await page.getByLabel('Latar (gambar atau PDF)').setInputFiles({ name: 'latar.png', mimeType: 'image/png', buffer: backgroundPng() });
    await page.getByText('Berkas terunggah. Simpan templat agar dipakai.').waitFor();
    await canvas.locator('img.designer-background').waitFor();

    // The holder's name shows sample data with letters beyond ASCII, and moves by dragging...
    const holder = canvas.getByRole('button', { name: 'Isian Nama pemegang' });
    expect(await holder.innerText()).toContain('Śrīwahyuni');
    await holder.click();
    const xBefore = await inputNumber(page, 'Jarak dari kiri (mm)');
    const start = (await holder.boundingBox())!;
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + 30, start.y + start.height / 2, { steps: 4 });
    await page.mouse.move(start.x + start.width / 2 + 60, start.y + start.height / 2, { steps: 4 });
    await page.mouse.up();
    const xAfter = await inputNumber(page, 'Jarak dari kiri (mm)');
    // 60 px at this scale is well over 10 mm.
    expect(xAfter - xBefore).toBeGreaterThan(10);
    // ...and with the keyboard: Shift+arrow 10 mm, arrow 1 mm.
    const yBefore = await inputNumber(page, 'Jarak dari atas (mm)');
    await holder.focus();
    await page.keyboard.press('Shift+ArrowUp');
    expect(await inputNumber(page, 'Jarak dari atas (mm)')).toBeCloseTo(yBefore - 10, 0);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await inputNumber(page, 'Jarak dari atas (mm)')).toBeCloseTo(yBefore + 1, 0);
    // Exact numbers: back to the middle of the page (297 mm / 2), a little smaller.
    await page.getByLabel('Jarak dari kiri (mm)', { exact: true }).fill('148.5');
    expect(Math.abs((await holder.boundingBox())!.x + (await holder.boundingBox())!.width / 2 - (box.x + box.width / 2))).toBeLessThan(3);
    await page.getByLabel('Ukuran huruf (pt)').fill('26');

    // A free text with a placeholder, previewed with the sample data.
    await page.getByLabel('Jenis isian').selectOption({ label: 'Teks bebas' });
    await page.getByRole('button', { name: 'Tambah isian' }).click();
    await page.getByLabel('Teks', { exact: true }).fill('Kode kursus: {courseTitle}');
    expect(await canvas.innerText()).toContain('Kode kursus: Pelatihan Kepemimpinan Pengawas');
    await page.getByRole('button', { name: 'Hapus isian' }).click();
    expect(await canvas.innerText()).not.toContain('Kode kursus:');

    // "Pratinjau PDF" renders the unsaved design on the API.
    const previewAnswer = page.waitForResponse((r) => r.url().endsWith('/api/certificate-templates/preview'));
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Pratinjau PDF' }).click();
    const preview = await previewAnswer;
    expect(preview.status()).toBe(200);
    expect(preview.headers()['content-type']).toContain('application/pdf');
    await (await popup).close();

    await holder.click();
    await screenshot(page, 'sertifikat-desainer');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.waitForURL(/\/admin\/sertifikat\/templat\/[0-9a-f-]{36}$/);
    await page.getByText('Versi 1').waitFor();
    await page.getByRole('heading', { name: templateName, level: 1 }).waitFor();
    await page.getByRole('link', { name: '← Templat sertifikat' }).click();
    const templates = page.getByRole('table', { name: 'Templat sertifikat instansi' });
    expect(await templates.getByRole('row', { name: new RegExp(templateName) }).innerText()).toContain('A4 lanskap');
    await screenshot(page, 'sertifikat-templat');

    // The numbering scheme refuses a format without a sequence and shows the next number.
    await page.getByRole('navigation', { name: 'Halaman sertifikat' }).getByRole('link', { name: 'Penomoran' }).click();
    const scheme = page.getByLabel('Format nomor');
    expect(await scheme.inputValue()).toBe('SERT/{year}/{agency}/{seq:6}');
    await scheme.fill('SERT/{year}');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Format memerlukan {seq} atau {seq:N}', { exact: false }).waitFor();
    await scheme.fill('SERT/{year}/{agency}/{seq:6}');
    expect(await page.getByTestId('next-number').innerText()).toMatch(/^SERT\/\d{4}\/KOTA-SEMARANG\/\d{6}$/);

    // --- the course uses the template; bulk issuing to the cohort ---
    await page.goto(`/admin/kursus/${course.id}`);
    const section = page.getByRole('region', { name: 'Sertifikat' });
    await section.getByLabel('Templat sertifikat').selectOption({ label: templateName });
    await section.getByLabel('Terbitkan sertifikat otomatis saat peserta menyelesaikan kursus').check();
    await section.getByRole('button', { name: 'Simpan pengaturan sertifikat' }).click();
    await section.getByText('Pengaturan sertifikat tersimpan.').waitFor();
    await section.getByRole('link', { name: 'Terbitkan sertifikat' }).click();

    await page.getByRole('heading', { name: 'Penerbitan massal', level: 2 }).waitFor();
    const courseSelect = page.getByLabel('Kursus', { exact: true });
    await courseSelect.locator(`option[value="${course.id}"]`).waitFor({ state: 'attached' });
    expect(await courseSelect.inputValue()).toBe(course.id);
    await page.getByLabel('Angkatan', { exact: true }).selectOption({ label: cohortName });
    await screenshot(page, 'sertifikat-terbitkan');
    await page.getByRole('button', { name: 'Mulai penerbitan' }).click();

    await page.waitForURL(/\/admin\/sertifikat\/tugas\/[0-9a-f-]{36}$/);
    const progress = page.getByRole('progressbar', { name: 'Diproses' });
    await progress.waitFor();
    await page.getByText('Selesai: 2 sertifikat terbit dari 2 penerima.').waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('value')).toBe('100');
    const report = page.getByRole('table', { name: 'Hasil per penerima' });
    await report.waitFor();
    const reportText = await report.innerText();
    expect(reportText).toContain(BUDI.name);
    expect(reportText).toContain(SITI.name);
    expect(reportText).toMatch(/SERT\/\d{4}\//);
    await screenshot(page, 'sertifikat-tugas');

    // --- the learner downloads the PDF and opens the verification page ---
    const learner = await signedIn(browser, '/login', DEMO.learnerNip);
    await learner.page.goto('/sertifikat');
    await learner.page.getByRole('heading', { name: 'Sertifikat Saya', level: 1 }).waitFor();
    const card = learner.page.getByRole('article', { name: course.title });
    await card.waitFor();
    expect(await card.innerText()).toContain('Berlaku');
    expect(await card.innerText()).toContain('6 JP');
    const budiNumber = /SERT\/\d{4}\/KOTA-SEMARANG\/\d{6}/.exec(await card.innerText())![0];
    await screenshot(learner.page, 'sertifikat-saya');
    await learner.page.setViewportSize(PHONE);
    await noHorizontalScroll(learner.page);
    await screenshot(learner.page, 'sertifikat-saya-360');
    await learner.page.setViewportSize(DESKTOP);

    const download = learner.page.waitForEvent('download');
    await card.getByRole('button', { name: `Unduh PDF sertifikat ${course.title}` }).click();
    const file = await (await download).path();
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const read = await readPdf(file, join(__dirname, '..', 'artifacts', 'sertifikat-pdf.png'));
    expect(read.text).toContain(BUDI.name);
    expect(read.text).toContain(course.title);

    const badgeDownload = learner.page.waitForEvent('download');
    await card.getByRole('button', { name: `Unduh badge (JSON) sertifikat ${course.title}` }).click();
    const badge = JSON.parse(readFileSync(await (await badgeDownload).path(), 'utf8')) as { type: string[] };
    expect(badge.type).toContain('OpenBadgeCredential');

    const verifyUrl = await card.getByRole('link', { name: 'Buka halaman verifikasi' }).getAttribute('href');
    expect(verifyUrl).toMatch(/\/verify\/[A-Za-z0-9_-]{16,}$/);
    // The QR code printed on the PDF leads to the same page.
    expect(read.qr).toBe(verifyUrl);
    const verifyPath = new URL(verifyUrl!).pathname;

    // --- anyone, without login, on a phone ---
    const visitor = await newPage(browser, PHONE);
    await visitor.page.goto(verifyPath);
    const status = visitor.page.getByTestId('verify-status');
    await status.getByText('Sertifikat sah').waitFor();
    const shown = await visitor.page.locator('main').innerText();
    expect(shown).toContain(BUDI.name);
    expect(shown).toContain(course.title);
    expect(shown).toContain('6 JP');
    expect(shown).toContain('Pemerintah Kota Semarang');
    expect(shown).toContain('1986');
    expect(shown).not.toContain(BUDI.nip);
    await noHorizontalScroll(visitor.page);
    await screenshot(visitor.page, 'verifikasi-sah-360');

    // --- the admin revokes Budi's certificate with a reason ---
    await page.goto('/admin/sertifikat');
    // The search is on the server: the course finds both certificates, Budi's number only his.
    const search = page.getByLabel('Cari', { exact: true });
    const rows = page.getByRole('table', { name: 'Sertifikat terbit' }).getByRole('row');
    await search.fill(course.title);
    await rows.filter({ hasText: SITI.name }).waitFor();
    await search.fill(budiNumber);
    await rows.filter({ hasText: SITI.name }).waitFor({ state: 'detached' });
    const row = rows.filter({ hasText: BUDI.name });
    await row.waitFor();
    await screenshot(page, 'sertifikat-daftar');
    await row.getByRole('button', { name: /^Cabut sertifikat/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Cabut sertifikat' });
    // No reason, no revocation.
    await dialog.getByRole('button', { name: 'Cabut sertifikat' }).click();
    await dialog.getByText('Isi alasan pencabutan.').waitFor();
    await dialog.getByLabel('Alasan pencabutan').fill('Nama pada sertifikat keliru; diterbitkan ulang.');
    await dialog.getByRole('button', { name: 'Cabut sertifikat' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('Dicabut', { exact: true }).waitFor();

    // The verification page says so, with the reason.
    await visitor.page.reload();
    await status.getByText('Sertifikat dicabut').waitFor();
    expect(await visitor.page.getByTestId('verify-reason').innerText()).toBe('Nama pada sertifikat keliru; diterbitkan ulang.');
    await noHorizontalScroll(visitor.page);
    await screenshot(visitor.page, 'verifikasi-dicabut-360');

    // The learner's list shows it revoked too.
    await learner.page.reload();
    await card.getByText('Dicabut', { exact: true }).waitFor();

    // Corrections are a new certificate: the admin reissues to Budi alone; a second try is refused.
    await page.goto(`/admin/sertifikat/terbitkan?kursus=${course.id}`);
    const one = page.getByRole('region', { name: 'Satu peserta' });
    await one.getByLabel('Cari peserta').fill('Budi Santoso');
    await one.getByRole('radio', { name: /Budi Santoso/ }).check();
    await one.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    const banner = one.locator('.banner');
    await banner.waitFor();
    const reissued = /^Budi Santoso, S\.Kom\. menerima sertifikat (SERT\/\d{4}\/KOTA-SEMARANG\/\d{6})\.$/.exec(await banner.innerText());
    // A new number: the revoked certificate keeps its own.
    expect(reissued?.[1]).toBeDefined();
    expect(reissued![1]).not.toBe(budiNumber);
    await one.getByRole('radio', { name: /Budi Santoso/ }).check();
    await one.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await one.getByRole('alert').waitFor();
    expect(await one.getByRole('alert').innerText()).toContain('Peserta ini sudah memiliki sertifikat yang berlaku untuk kursus ini.');

    // An unknown code says so.
    await visitor.page.goto('/verify/kode-yang-tidak-pernah-ada-123456');
    await visitor.page.getByText('Sertifikat tidak ditemukan').waitFor();
    await screenshot(visitor.page, 'verifikasi-tidak-dikenal-360');

    await Promise.all([admin.context.close(), learner.context.close(), visitor.context.close()]);
    // Three people, a PDF preview and a bulk job: more than the default minute on a busy 2-core machine.
  }, 240_000);
});
