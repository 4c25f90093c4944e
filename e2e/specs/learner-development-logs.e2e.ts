import type { Browser } from 'playwright-core';
import { DEMO, signIn } from '../support/auth';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot } from '../support/browser';
import { ApiSession, makeSupervisor } from '../support/learning-api';

/** Development done outside the platform: logged with a proof, refused when the proof is not a document. */
describe('development logs in the learner portal', () => {
  let browser: Browser;
  const SUPERVISOR = 'siti.aminah@semarangkota.go.id';

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await ApiSession.signIn(browser, DEMO.semarangAdmin);
    await makeSupervisor(admin, DEMO.learnerEmail, SUPERVISOR);
    await admin.close();
  });
  afterAll(() => browser.close());

  it('[learner] logs a coaching with a text file as proof, is told what is accepted, sends a PDF instead; the supervisor approves and the JP count', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, '/login', DEMO.learnerNip);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengembangan' }).click();
    await page.getByRole('heading', { name: 'Pengembangan Kompetensi Mandiri', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Catat pengembangan' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Catat pengembangan kompetensi' });
    const title = `Coaching Kepemimpinan ${Date.now().toString(36)}`;

    // Submitting empty names every missing field.
    await dialog.getByRole('button', { name: 'Kirim untuk disetujui' }).click();
    await dialog.getByText('Lampirkan bukti kegiatan.').waitFor();

    await dialog.getByLabel('Bentuk pengembangan').selectOption({ label: 'Coaching' });
    await dialog.getByLabel('Nama kegiatan').fill(title);
    await dialog.getByLabel(/Penyelenggara/).fill('BPSDM Provinsi Jawa Tengah');
    const today = new Date().toISOString().slice(0, 10);
    await dialog.getByLabel('Tanggal mulai').fill(today);
    await dialog.getByLabel('Tanggal selesai').fill(today);
    await dialog.getByLabel('Dalam jam').check();
    await dialog.getByLabel('Jumlah jam').fill('3');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'bukti.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan dokumen') });
    await dialog.getByRole('button', { name: 'Kirim untuk disetujui' }).click();
    // The server sniffs the bytes: a text file is refused with a sentence under the file field.
    await dialog.getByText('Bukti harus berupa dokumen atau gambar: PDF, PNG, JPEG, WebP, atau Word (.docx).').waitFor();
    await screenshot(page, 'learner-pengembangan-bukti-ditolak', { fullPage: false });

    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'sertifikat-coaching.pdf', mimeType: 'application/pdf', buffer: pdf });
    await dialog.getByRole('button', { name: 'Kirim untuk disetujui' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Catatan terkirim dan menunggu persetujuan atasan Anda.').waitFor();
    const item = page.getByRole('listitem').filter({ hasText: title });
    await item.getByText('Menunggu persetujuan', { exact: true }).waitFor();
    // 3 hours = 180 minutes = 4 JP of 45 minutes.
    expect(await item.innerText()).toContain('4 JP');
    await screenshot(page, 'learner-pengembangan');

    // The supervisor rejects nothing without a reason, then approves.
    const supervisor = await newPage(browser, PHONE);
    await signIn(supervisor.page, '/login', SUPERVISOR);
    await supervisor.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await supervisor.page.goto('/persetujuan');
    await supervisor.page.getByRole('heading', { name: 'Persetujuan', level: 1 }).waitFor();
    const log = supervisor.page.getByRole('listitem', { name: `Budi Santoso, S.Kom. — ${title}` });
    await log.getByRole('button', { name: /^Tolak/ }).click();
    const reject = supervisor.page.getByRole('dialog', { name: 'Tolak permohonan' });
    await reject.getByRole('button', { name: 'Tolak' }).click();
    await reject.getByText('Tuliskan alasannya: pegawai akan membacanya.').waitFor();
    await reject.getByRole('button', { name: 'Batal' }).click();
    await log.getByRole('button', { name: /^Setujui/ }).click();
    await supervisor.page.getByRole('dialog', { name: 'Setujui permohonan' }).getByRole('button', { name: 'Setujui' }).click();
    await log.waitFor({ state: 'detached' });
    const overflow = await supervisor.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(supervisor.page, 'learner-persetujuan-phone');
    await supervisor.context.close();

    await page.reload();
    await page.getByRole('listitem').filter({ hasText: title }).getByText('Disetujui', { exact: true }).waitFor();
    await page.goto('/jp');
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.waitFor();
    expect(await row.innerText()).toContain('Pengembangan mandiri');
    await page.goto('/pengembangan');
    await page.getByRole('heading', { name: 'Pengembangan Kompetensi Mandiri', level: 1 }).waitFor();
    await context.close();
  });

  it('[learner] reads the notifications list and marks them read', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, '/login', DEMO.learnerNip);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: /^Notifikasi, \d+ belum dibaca/ }).click();
    await page.getByRole('region', { name: 'Notifikasi' }).getByRole('link', { name: 'Lihat semua notifikasi' }).click();
    await page.getByRole('heading', { name: 'Notifikasi', level: 1 }).waitFor();
    await page.getByText(/Catatan pengembangan "Coaching Kepemimpinan .*" disetujui/).first().waitFor();
    await screenshot(page, 'learner-notifikasi-phone');
    await page.getByRole('button', { name: 'Tandai semua dibaca' }).click();
    await page.getByRole('button', { name: 'Notifikasi', exact: true }).waitFor();
    await context.close();
  });
});
