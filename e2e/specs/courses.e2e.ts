import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TCourseDetail } from '@asah/contracts/courses';
import { DEMO, signIn } from '../support/auth';
import { baseUrl, launchBrowser, newPage, PHONE, screenshot } from '../support/browser';

const SAMPLES = path.resolve(__dirname, '../../../shared/scorm-samples');
const GOLF_2004 = path.join(SAMPLES, 'golf-scorm2004-3rd-runtime-basic-calls.zip');

/** Adds a module through the "Tambah modul" dialog and waits until it is listed. */
async function addModule(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Tambah modul' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Tambah modul' });
  await dialog.getByLabel('Judul modul').fill(title);
  await dialog.getByRole('button', { name: 'Simpan' }).click();
  await page.getByRole('heading', { name: title, level: 3 }).waitFor();
}

/** Module titles in the order the editor shows them. */
function moduleOrder(page: Page): Promise<string[]> {
  return page.getByRole('region', { name: 'Modul dan aktivitas' }).getByRole('heading', { level: 3 }).allInnerTexts();
}

describe('courses in the admin portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('[instructor] creates a course with two modules, uploads a real SCORM package, sees the validation report and previews it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, '/admin/', DEMO.instructor);
    // Instructors have only course pages: their home is the course list.
    await page.getByRole('heading', { name: 'Kursus', exact: true }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Navigasi utama' }).innerText()).not.toContain('Pegawai');

    await page.getByRole('button', { name: 'Tambah kursus' }).first().click();
    const create = page.getByRole('dialog', { name: 'Tambah kursus' });
    await create.getByLabel('Kode kursus').fill('GOLF-101');
    await create.getByLabel('Judul kursus').fill('Dasar-Dasar Golf untuk ASN');
    await create.getByLabel('Kelompok kompetensi').selectOption({ label: 'Teknis' });
    await create.getByLabel('Moda pembelajaran').selectOption({ label: 'E-learning' });
    await create.getByLabel('Jam Pelajaran (JP)').fill('4');
    await create.getByRole('button', { name: 'Buat kursus' }).click();
    await page.getByRole('heading', { name: 'Dasar-Dasar Golf untuk ASN', level: 1 }).waitFor();
    const courseUrl = page.url();

    await addModule(page, 'Pengantar Golf');
    await addModule(page, 'Etika di Lapangan');
    expect(await moduleOrder(page)).toEqual(['Pengantar Golf', 'Etika di Lapangan']);

    await page.getByRole('button', { name: 'Tambah aktivitas ke Pengantar Golf' }).click();
    const add = page.getByRole('dialog', { name: 'Tambah aktivitas' });
    // Quiz and survey are announced but not yet available.
    expect(await add.getByRole('radio', { name: /Kuis/ }).isDisabled()).toBe(true);
    await add.getByRole('radio', { name: /Paket SCORM/ }).check();
    await add.getByLabel('Judul aktivitas').fill('Golf Explained');
    await add.getByRole('button', { name: 'Tambahkan' }).click();

    // The new SCORM activity opens for its package.
    await page.getByRole('heading', { name: 'Golf Explained', level: 1 }).waitFor();
    await page.getByLabel('Berkas paket (.zip)').setInputFiles(GOLF_2004);
    await page.getByRole('button', { name: 'Unggah paket' }).click();
    await page.getByText('Paket tersimpan sebagai versi 1.').waitFor({ timeout: 30_000 });
    const report = page.getByRole('region', { name: 'Laporan validasi versi 1' });
    expect(await report.getByTestId('package-standard').innerText()).toBe('SCORM 2004 edisi ke-3');
    expect(await report.getByTestId('package-scos').innerText()).toBe('1');
    expect(await report.getByRole('table', { name: 'Halaman peluncuran' }).innerText()).toContain('shared/launchpage.html');
    expect(await report.innerText()).toContain('Tidak ada kesalahan maupun peringatan.');
    expect(await page.getByRole('table', { name: 'Versi paket yang diunggah' }).innerText()).toContain('Dipakai percobaan baru');
    await screenshot(page, 'kursus-laporan-paket');

    // Reorder with the plain buttons (dragging does the same through the same endpoint).
    await page.getByRole('link', { name: 'Dasar-Dasar Golf untuk ASN' }).click();
    await page.getByRole('heading', { name: 'Modul dan aktivitas' }).waitFor();
    const structureSaved = () => page.waitForResponse((r) => r.url().endsWith('/structure') && r.request().method() === 'PUT' && r.ok());
    let saved = structureSaved();
    await page.getByRole('button', { name: 'Naik: modul Etika di Lapangan' }).click();
    await saved;
    await page.getByText('Urutan disimpan.').waitFor();
    expect(await moduleOrder(page)).toEqual(['Etika di Lapangan', 'Pengantar Golf']);
    // At the top of its module, "Naik" carries the activity into the module above.
    saved = structureSaved();
    await page.getByRole('button', { name: 'Naik: Golf Explained' }).click();
    await saved;
    await page.reload();
    const etika = page.getByRole('list', { name: 'Aktivitas dalam Etika di Lapangan' });
    await etika.getByRole('link', { name: 'Golf Explained' }).waitFor();
    expect(await moduleOrder(page)).toEqual(['Etika di Lapangan', 'Pengantar Golf']);
    // Now first of the first module: nowhere further up to go.
    expect(await page.getByRole('button', { name: 'Naik: Golf Explained' }).isDisabled()).toBe(true);
    await screenshot(page, 'kursus-penyunting');

    await page.getByRole('link', { name: 'Pratinjau sebagai peserta' }).click();
    await page.getByRole('heading', { name: 'Isi kursus' }).waitFor();
    const outline = await page.getByRole('region', { name: 'Isi kursus' }).innerText();
    expect(outline).toContain('Etika di Lapangan');
    expect(outline).not.toContain('Pengantar Golf'); // empty modules are not shown to learners
    await page.getByRole('button', { name: /Golf Explained/ }).click();
    const frame = page.locator('iframe[title="Konten: Golf Explained"]');
    await frame.waitFor();
    // The package is served by the content origin, never by the portal's own origin.
    expect(new URL((await frame.getAttribute('src'))!).origin).not.toBe(new URL(baseUrl()).origin);
    // The Golf package's launch page, with its own navigation, renders inside the frame.
    await page.frameLocator('iframe[title="Konten: Golf Explained"]').getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    await frame.scrollIntoViewIfNeeded();
    await screenshot(page, 'kursus-pratinjau', { fullPage: false });

    // The same editor on a 360 px phone: stacked, no sideways scrolling.
    await page.setViewportSize(PHONE);
    await page.goto(courseUrl);
    await page.getByRole('button', { name: 'Naik: Golf Explained' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'kursus-penyunting-phone');
    await context.close();
  });

  it('[agency admin] of another agency cannot open the course', async () => {
    const semarang = await newPage(browser);
    await signIn(semarang.page, '/admin/', DEMO.instructor);
    await semarang.page.getByRole('heading', { name: 'Kursus', exact: true }).waitFor();
    const created = await semarang.page.request.post('/api/courses', {
      headers: { 'x-asah-client': '1' },
      data: { code: 'SMG-ETIKA', title: 'Etika Pelayanan Publik Semarang', category: 'sosial_kultural', deliveryMode: 'blended', jp: 2 },
    });
    expect(created.status()).toBe(201);
    const course = (await created.json()) as TCourseDetail;
    await semarang.context.close();

    const ambon = await newPage(browser);
    await signIn(ambon.page, '/admin/', DEMO.ambonAdmin);
    await ambon.page.getByRole('heading', { name: 'Dasbor' }).waitFor();
    await ambon.page.goto(`/admin/kursus/${course.id}`);
    await ambon.page.getByRole('heading', { name: 'Kursus tidak ditemukan' }).waitFor();
    expect(await ambon.page.locator('main').innerText()).not.toContain('Etika Pelayanan Publik Semarang');
    await screenshot(ambon.page, 'kursus-tidak-ditemukan');

    await ambon.page.goto(`/admin/kursus/${course.id}/pratinjau`);
    await ambon.page.getByRole('heading', { name: 'Kursus tidak ditemukan' }).waitFor();

    // Nor does the list show it.
    await ambon.page.goto('/admin/kursus');
    const search = ambon.page.getByLabel('Cari kursus');
    await search.fill('SMG-ETIKA');
    const answered = ambon.page.waitForResponse((r) => r.url().includes('/api/courses?') && new URL(r.url()).searchParams.get('q') === 'SMG-ETIKA');
    await search.press('Enter');
    await answered;
    await ambon.page.getByRole('heading', { name: 'Tidak ada kursus yang cocok' }).waitFor();
    await ambon.context.close();
  });
});
