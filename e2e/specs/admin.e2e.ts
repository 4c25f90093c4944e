import type { Browser, Page } from 'playwright-core';
import { DEMO, signIn } from '../support/auth';
import { launchBrowser, newPage, PHONE, screenshot } from '../support/browser';

const CSV = [
  'nip;nama;email;jenis;kode_unit;kode_jabatan',
  '19920115 202012 1 001;Andi Wijaya, S.T.;andi.wijaya@semarangkota.go.id;PNS;DINKES-YANKES;PENGADM',
  '199407072023212002;Dewi Lestari;dewi.lestari@semarangkota.go.id;PPPK;DISDIK-SD;',
  '12345;NIP Terlalu Pendek;pendek@semarangkota.go.id;PNS;DINKES;',
  '199003032015031004;Unit Salah;unit.salah@semarangkota.go.id;PNS;TIDAK-ADA;',
  '198609262015051001;Budi Kembar;budi.kembar@semarangkota.go.id;PNS;DINKES;',
].join('\n');

/** Searches the employee list the way an admin does and returns what the page then shows. */
async function searchEmployees(page: Page, q: string): Promise<string> {
  if (!new URL(page.url()).pathname.endsWith('/admin/pegawai')) await page.goto('/admin/pegawai');
  const search = page.getByLabel('Cari pegawai');
  await search.fill(q);
  const answered = page.waitForResponse((r) => r.url().includes('/api/users?') && new URL(r.url()).searchParams.get('q') === q);
  await search.press('Enter');
  await answered;
  await page.waitForTimeout(200); // let React render the answer
  return page.locator('main').innerText();
}

describe('admin portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('[agency admin] imports a CSV with good and bad rows and sees the report', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, '/admin/', DEMO.semarangAdmin);
    await page.getByRole('heading', { name: 'Dasbor' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Pemerintah Kota Semarang');
    await screenshot(page, 'admin-dasbor');

    await page.getByRole('link', { name: 'Impor Pegawai' }).first().click();
    await page.getByRole('heading', { name: 'Impor Pegawai' }).waitFor();
    await page.getByLabel('Berkas CSV').setInputFiles({ name: 'pegawai-baru.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();

    const preview = page.getByRole('table', { name: 'Pratinjau baris berkas impor' });
    await preview.waitFor();
    const previewText = await preview.innerText();
    expect(previewText).toContain('NIP harus terdiri dari 18 angka.');
    expect(previewText).toContain('Kode unit tidak ditemukan di instansi ini.');
    expect(previewText).toContain('NIP sudah terdaftar.');
    await screenshot(page, 'admin-impor-pratinjau');

    // The preview wrote nothing.
    const importButton = page.getByRole('button', { name: 'Impor 2 baris valid' });
    await importButton.waitFor();
    await importButton.click();
    await page.getByText('2 pegawai berhasil diimpor.').waitFor();
    const resultText = await page.locator('main').innerText();
    expect(resultText).toContain('3 baris tidak diimpor');
    await page.getByRole('button', { name: 'Unduh kata sandi awal (CSV)' }).waitFor();
    await screenshot(page, 'admin-impor-hasil');

    const list = await searchEmployees(page, 'Andi Wijaya');
    expect(list).toContain('19920115 202012 1 001');
    expect(list).toContain('Bidang Pelayanan Kesehatan');
    expect(await searchEmployees(page, 'Dewi Lestari')).toContain('PPPK');
    expect(await searchEmployees(page, 'NIP Terlalu Pendek')).not.toContain('pendek@semarangkota.go.id');
    await context.close();

    // Another agency never sees Semarang's new employees.
    const ambon = await newPage(browser);
    await signIn(ambon.page, '/admin/', DEMO.ambonAdmin);
    await ambon.page.getByRole('heading', { name: 'Dasbor' }).waitFor();
    expect(await ambon.page.locator('main').innerText()).toContain('Pemerintah Kota Ambon');
    expect(await searchEmployees(ambon.page, 'Andi Wijaya')).not.toContain('19920115 202012 1 001');
    await ambon.context.close();
  });

  it('[agency admin] browses the work unit tree and employees on a 360 px phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, '/admin/', DEMO.semarangAdmin);
    await page.getByRole('heading', { name: 'Dasbor' }).waitFor();
    await page.goto('/admin/unit-kerja');
    await page.getByText('Bidang Pelayanan Kesehatan').first().waitFor();
    await screenshot(page, 'admin-unit-kerja-phone');
    await page.goto('/admin/pegawai');
    await page.getByText('Budi Santoso, S.Kom.').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-pegawai-phone');
    await context.close();
  });

  it('[platform admin] manages agencies and sees both demo agencies', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, '/admin/', DEMO.platformAdmin);
    await page.getByRole('link', { name: 'Instansi' }).first().click();
    const table = page.getByRole('table', { name: 'Daftar instansi' });
    await table.getByText('Pemerintah Kota Ambon').waitFor();
    const text = await table.innerText();
    expect(text).toContain('Pemerintah Kota Semarang');
    expect(text).toContain('Pemerintah Kota Ambon');
    await screenshot(page, 'admin-instansi');
    await context.close();
  });

  it('[learner] is refused by the admin portal', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, '/admin/', DEMO.learnerEmail);
    await page.getByRole('button', { name: 'Keluar' }).first().waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('Impor Pegawai');
    expect(text).not.toContain('Dasbor');
    await screenshot(page, 'admin-tanpa-akses');
    await context.close();
  });
});
