import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO, signIn } from '../support/auth';
import { DESKTOP, launchBrowser, newPage, PHONE, screenshot, type Viewport } from '../support/browser';
import { ApiSession, uniqueCode } from '../support/learning-api';

/**
 * Issue 7 in both portals: the agency admin imports assessment results (a bad file first, refused
 * row by row), reads the needs-analysis heatmap, opens a cell, creates a plan program from it,
 * submits and approves the plan and turns the program into a cohort; the learner then sees the gap
 * on their competency profile with the recommended courses, and enrols from there.
 */

const LEARNER_NIP = DEMO.learnerNip.replace(/\s/g, '');
const UNIT = 'Bidang Pelayanan Kesehatan'; // Budi's unit (DINKES-YANKES); his position, Kepala Seksi, is `pengawas`: M.01 required at 2.
const today = new Date().toISOString().slice(0, 10);

/** A published classroom course open to self-enrolment that targets M.01 at `level`. */
async function competencyCourse(admin: ApiSession, title: string, level: number): Promise<{ id: string; code: string; title: string }> {
  const code = uniqueCode('KMP');
  const course = await admin.post<{ id: string }>('/courses', {
    code,
    title,
    category: 'manajerial',
    deliveryMode: 'klasikal',
    jp: 8,
    competencies: [{ code: 'M.01', targetLevel: level }],
  });
  const section = await admin.post<{ id: string }>(`/courses/${course.id}/sections`, { title: 'Tatap muka' });
  await admin.post(`/courses/${course.id}/sections/${section.id}/activities`, { type: 'classroom', title: 'Sesi kelas', settings: {} });
  await admin.post(`/courses/${course.id}/publish`);
  await admin.put(`/courses/${course.id}/enrolment-settings`, { enrolmentPolicy: 'self' });
  return { id: course.id, code, title };
}

function csvFile(name: string, lines: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'asah-kc-'));
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function signedIn(browser: Browser, where: '/admin/' | '/login', identifier: string, viewport: Viewport = DESKTOP) {
  const session = await newPage(browser, viewport);
  await signIn(session.page, where, identifier);
  await session.page.waitForURL((url) => !url.pathname.endsWith('/login'));
  return session;
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('competency framework in both portals', () => {
  let browser: Browser;
  let cohortCourse: { id: string; code: string; title: string };
  let selfCourse: { id: string; code: string; title: string };
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await ApiSession.signIn(browser, DEMO.semarangAdmin);
    try {
      cohortCourse = await competencyCourse(admin, `Integritas dalam Pelayanan ${stamp}`, 2);
      selfCourse = await competencyCourse(admin, `Integritas Lanjutan ${stamp}`, 3);
    } finally {
      await admin.close();
    }
  });
  afterAll(() => browser.close());

  it('[agency admin] imports assessments, opens the heatmap cell, plans a program from it, approves the plan and turns the program into a cohort', async () => {
    const { context, page } = await signedIn(browser, '/admin/', DEMO.semarangAdmin);
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });

    // --- dictionary and standards: the national competencies are there, defaults by position type visible ---
    await nav.getByRole('link', { name: 'Kamus Kompetensi' }).click();
    await page.getByRole('heading', { name: 'Kamus Kompetensi', level: 1 }).waitFor();
    const dictionary = page.getByRole('list', { name: 'Daftar kompetensi' });
    await dictionary.getByText('Integritas', { exact: true }).waitFor();
    expect(await dictionary.innerText()).toContain('M.08');
    await dictionary.getByText('Integritas', { exact: true }).click();
    await dictionary.getByText('Level 5 – Ahli').first().waitFor();
    await screenshot(page, 'kompetensi-kamus');

    // A technical competency of the agency: five levels with descriptions and indicators.
    const techCode = `T.E2E.${stamp.slice(-4).toUpperCase()}`;
    await page.getByRole('button', { name: 'Tambah kompetensi teknis' }).click();
    const create = page.getByRole('dialog', { name: 'Tambah kompetensi teknis' });
    await create.getByLabel('Kode').fill(techCode);
    await create.getByLabel('Nama', { exact: true }).fill('Pengelolaan Data Kesehatan');
    for (let level = 1; level <= 5; level += 1) {
      const group = create.getByRole('group', { name: `Level ${level}` });
      await group.getByLabel('Deskripsi').fill(`Mengelola data kesehatan pada tingkat ${level}.`);
      await group.getByLabel('Indikator perilaku').fill(`Indikator pertama level ${level}\nIndikator kedua level ${level}`);
    }
    await create.getByRole('button', { name: 'Simpan' }).click();
    await dictionary.getByText('Pengelolaan Data Kesehatan', { exact: true }).waitFor();

    // Export as JSON, change the name in the file, import it back: checked, reported, written.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Ekspor JSON' }).click();
    const exported = JSON.parse(readFileSync((await (await downloading).path())!, 'utf8')) as { competencies: { code: string; name: string }[] };
    const mine = exported.competencies.filter((competency) => competency.code === techCode);
    expect(mine).toHaveLength(1);
    mine[0]!.name = 'Pengelolaan Data dan Informasi Kesehatan';
    const jsonFile = path.join(mkdtempSync(path.join(tmpdir(), 'asah-kc-')), 'kamus.json');
    writeFileSync(jsonFile, JSON.stringify({ ...exported, competencies: mine }));
    await page.getByRole('button', { name: 'Impor CSV/JSON' }).click();
    const importing = page.getByRole('dialog', { name: 'Impor kamus kompetensi' });
    await importing.getByLabel('Berkas CSV atau JSON').setInputFiles(jsonFile);
    await importing.getByRole('button', { name: 'Periksa berkas' }).click();
    await importing.getByRole('cell', { name: 'Diperbarui' }).waitFor();
    await importing.getByRole('button', { name: 'Impor 1 kompetensi' }).click();
    await importing.getByText('1 kompetensi diimpor.').waitFor();
    await importing.getByRole('button', { name: 'Tutup' }).last().click();
    await dictionary.getByText('Pengelolaan Data dan Informasi Kesehatan', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Pengaturan Kompetensi' }).click();
    await page.getByRole('heading', { name: 'Pengaturan Kompetensi', level: 1 }).waitFor();
    expect(await page.getByRole('radio', { name: /^Hanya ditandai untuk penilaian ulang/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Jam kerja efektif per tahun').inputValue()).toBe('1250');
    await screenshot(page, 'kompetensi-pengaturan');

    await nav.getByRole('link', { name: 'Standar Kompetensi' }).click();
    await page.getByRole('heading', { name: 'Standar Kompetensi Jabatan', level: 1 }).waitFor();
    expect(await page.getByLabel('Level dipersyaratkan Kepala Seksi, M.01 Integritas').inputValue()).toBe('2');
    expect(await page.getByLabel('Level dipersyaratkan Sekretaris Daerah, M.01 Integritas').inputValue()).toBe('5');
    // An override for one position: saved for that row, the type's default stays visible under it.
    await page.getByLabel('Level dipersyaratkan Kepala Bidang, M.03 Komunikasi').selectOption('4');
    const standardSaved = page.waitForResponse((r) => r.url().includes('/api/competency/standards/') && r.request().method() === 'PUT' && r.ok());
    await page.getByRole('button', { name: 'Simpan standar Kepala Bidang' }).click();
    await standardSaved;
    await page.getByText('bawaan: 3').waitFor();
    expect(await page.getByLabel('Level dipersyaratkan Kepala Bidang, M.03 Komunikasi').inputValue()).toBe('4');
    await screenshot(page, 'kompetensi-standar');

    // --- assessments: a bad file is refused row by row, nothing saved ---
    await nav.getByRole('link', { name: 'Penilaian Kompetensi' }).click();
    await page.getByRole('heading', { name: 'Penilaian Kompetensi', level: 1 }).waitFor();
    const bad = csvFile('penilaian-salah.csv', [
      'nip,kode_kompetensi,level,sumber,tanggal',
      `999999999999999999,M.01,2,assessment_centre,${today}`,
      `${LEARNER_NIP},X.99,2,assessment_centre,${today}`,
      `${LEARNER_NIP},M.02,6,assessment_centre,${today}`,
    ]);
    await page.getByLabel('Berkas CSV').setInputFiles(bad);
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByTestId('assessment-import-summary').waitFor();
    expect(await page.getByTestId('assessment-import-summary').innerText()).toBe('0 baris valid, 3 baris bermasalah.');
    const report = page.getByRole('region', { name: 'Laporan per baris' });
    expect(await report.locator('tr.row-invalid').count()).toBe(3);
    const problems = await report.innerText();
    expect(problems).toContain('Bukan NIP 18 angka yang benar.');
    expect(problems).toContain('Kode kompetensi tidak ada dalam kamus instansi.');
    expect(problems).toContain('Level harus bilangan bulat 1 sampai 5.');
    expect(await page.getByRole('button', { name: /^Simpan \d+ penilaian$/ }).isDisabled()).toBe(true);
    await screenshot(page, 'kompetensi-penilaian-laporan');

    // --- then a good file: Budi is at level 1 of M.01 (required 2) and meets M.02 ---
    await page.getByRole('button', { name: 'Pilih berkas lain' }).click();
    const good = csvFile('penilaian.csv', [
      'nip,kode_kompetensi,level,sumber,tanggal',
      `${LEARNER_NIP},M.01,1,assessment_centre,${today}`,
      `${LEARNER_NIP},M.02,3,uji_kompetensi,${today}`,
    ]);
    await page.getByLabel('Berkas CSV').setInputFiles(good);
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByTestId('assessment-import-summary').waitFor();
    expect(await page.getByTestId('assessment-import-summary').innerText()).toBe('2 baris valid, 0 baris bermasalah.');
    expect(await report.innerText()).toContain('Budi Santoso');
    await page.getByRole('button', { name: 'Simpan 2 penilaian' }).click();
    await page.getByText('2 hasil penilaian tersimpan.').waitFor();

    // The history of the employee shows both results as current.
    await page.getByLabel('Cari pegawai').fill('Budi');
    await page.getByRole('list', { name: 'Pegawai yang cocok' }).getByRole('button', { name: /Budi Santoso/ }).click();
    const history = page.getByRole('region', { name: 'Riwayat penilaian Budi Santoso, S.Kom.' });
    await history.getByText('M.02').waitFor();
    expect(await history.innerText()).toContain('Berlaku');
    const profile = page.getByRole('region', { name: 'Profil kompetensi Budi Santoso, S.Kom.' });
    expect(await profile.getByRole('row').filter({ hasText: 'M.01' }).innerText()).toContain('Kesenjangan kecil');
    expect(await profile.getByRole('row').filter({ hasText: 'M.02' }).innerText()).toContain('Memenuhi');
    // Career planning: against Kepala Bidang (administrator, M.01 required at 3) the same level 1 is a major gap.
    await page.getByLabel('Jabatan tujuan (perencanaan karier)').selectOption({ label: 'Kepala Bidang' });
    await profile.getByText('Dibutuhkan Kepala Bidang').waitFor();
    await profile.getByRole('row').filter({ hasText: 'M.01' }).getByText('Kesenjangan besar').waitFor();

    // One result entered by hand lands in the history.
    const entry = page.getByRole('form', { name: 'Catat hasil penilaian' });
    await entry.getByLabel('Kompetensi', { exact: true }).selectOption('M.06');
    await entry.getByLabel('Level', { exact: true }).selectOption('2');
    await entry.getByLabel('Sumber').selectOption({ label: 'Penilaian atasan' });
    await entry.getByRole('button', { name: 'Simpan penilaian' }).click();
    await entry.getByText('Hasil penilaian tersimpan.').waitFor();
    await history.getByText('M.06').waitFor();
    expect(await history.innerText()).toContain('Penilaian atasan');
    await screenshot(page, 'kompetensi-penilaian');

    // --- needs analysis: the heatmap shows the gap in Budi's unit; the cell opens the people behind it ---
    await nav.getByRole('link', { name: 'Analisis Kebutuhan' }).click();
    await page.getByRole('heading', { name: 'Analisis Kebutuhan Kompetensi', level: 1 }).waitFor();
    const heatmap = page.getByRole('table', { name: 'Peta kesenjangan kompetensi per unit kerja' });
    const cell = heatmap.getByRole('button', { name: new RegExp(`^${UNIT}, M\\.01 Integritas: [1-9]\\d* dari`) });
    await cell.click();
    const panel = page.getByTestId('needs-cell');
    await panel.getByRole('heading', { name: `M.01 Integritas di ${UNIT}` }).waitFor();
    await panel.getByRole('cell', { name: /Budi Santoso/ }).waitFor();
    expect(await panel.innerText()).toContain(cohortCourse.title);
    expect(Number((await page.getByTestId('cell-jp-lacking').innerText()).replace(/\./g, '').replace(',', '.'))).toBeGreaterThan(0);
    await screenshot(page, 'kompetensi-analisis');
    // The XLSX export is a plain link carrying the session cookie; the file is a real workbook (a zip).
    const xlsx = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Unduh XLSX' }).click();
    const workbook = await xlsx;
    expect(workbook.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(readFileSync((await workbook.path())!).subarray(0, 2).toString()).toBe('PK');

    // --- "create plan program from this cell": no draft plan yet, so make this year's first ---
    await panel.getByRole('button', { name: 'Buat program rencana dari sel ini' }).click();
    const dialog = page.getByRole('dialog', { name: 'Buat program rencana dari sel ini' });
    const year = new Date().getFullYear();
    const createPlan = dialog.getByRole('button', { name: `Buat rencana ${year}` });
    await createPlan.or(dialog.getByLabel('Nama program')).waitFor();
    if (await createPlan.isVisible()) await createPlan.click();
    await dialog.getByLabel('Nama program').waitFor();
    const programTitle = `Penguatan Integritas ${stamp}`;
    await dialog.getByLabel('Nama program').fill(programTitle);
    await dialog.getByLabel('Penyelenggara').fill('BKPSDM Kota Semarang');
    expect(await dialog.getByText(/^Sasaran: [1-9]\d* pegawai/).isVisible()).toBe(true);
    await screenshot(page, 'kompetensi-program-dari-sel');
    await dialog.getByRole('button', { name: 'Buat program' }).click();
    await dialog.getByText(new RegExp(`Program "${programTitle}" dibuat dengan [1-9]\\d* pegawai sasaran.`)).waitFor();
    await dialog.getByRole('link', { name: 'Buka rencana' }).click();

    // --- the plan: submit, approve, turn the program into a cohort ---
    await page.getByRole('heading', { name: 'Rencana Pengembangan Kompetensi', level: 1 }).waitFor();
    const programs = page.getByRole('region', { name: /^Program / });
    await programs.getByText(programTitle).waitFor();
    expect(await page.getByTestId('plan-total-people').innerText()).not.toBe('0');
    await page.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await page.getByRole('dialog', { name: 'Ajukan' }).getByRole('button', { name: 'Ajukan' }).click();
    await page.getByText('Diajukan', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Setujui', exact: true }).click();
    await page.getByRole('dialog', { name: 'Setujui' }).getByRole('button', { name: 'Setujui' }).click();
    await page.getByText('Disetujui', { exact: true }).waitFor();

    await page.getByRole('button', { name: `Jadikan angkatan: ${programTitle}` }).click();
    const cohortDialog = page.getByRole('dialog', { name: 'Jadikan angkatan kursus' });
    await cohortDialog.getByLabel('Kursus').selectOption({ label: `${cohortCourse.code} · ${cohortCourse.title}` });
    await cohortDialog.getByRole('button', { name: 'Buat angkatan' }).click();
    await cohortDialog.getByText(/^Angkatan dibuat, [1-9]\d* pegawai terdaftar\.$/).waitFor();
    await cohortDialog.getByRole('button', { name: 'Selesai' }).click();
    await programs.getByText(`Angkatan ${programTitle} · ${cohortCourse.title}`).waitFor();
    await screenshot(page, 'rencana-pengembangan');

    // Next year's plan, drafted by hand: a non-classroom program with one chosen employee, then removed.
    await page.getByLabel('Tahun').selectOption(String(year + 1));
    await page.getByRole('button', { name: `Buat rencana ${year + 1}` }).click();
    await page.getByRole('heading', { name: `Rencana Pengembangan Kompetensi ${year + 1}`, level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Tambah program' }).click();
    const manual = page.getByRole('dialog', { name: 'Tambah program' });
    await manual.getByLabel('Nama program').fill('Coaching Komunikasi');
    await manual.getByLabel('Kompetensi').selectOption('M.03');
    await manual.getByLabel('Jalur').selectOption('non_klasikal');
    await manual.getByLabel('Bentuk').selectOption({ label: 'Coaching' });
    await manual.getByLabel('Penyelenggara').fill('Widyaiswara BKPSDM');
    await manual.getByLabel('Mulai').fill(`${year + 1}-03-02`);
    await manual.getByLabel('Selesai').fill(`${year + 1}-03-30`);
    await manual.getByLabel('JP per orang').fill('6');
    await manual.getByLabel('Anggaran (Rp)').fill('1500000');
    await manual.getByLabel('Tambah pegawai sasaran').fill('Budi');
    await manual.getByRole('list', { name: 'Pegawai yang cocok' }).getByRole('button', { name: /Budi Santoso/ }).click();
    await manual.getByText('Pegawai sasaran (1)').waitFor();
    await manual.getByRole('button', { name: 'Simpan' }).click();
    const nextPrograms = page.getByRole('region', { name: /^Program Rencana Pengembangan Kompetensi / });
    await nextPrograms.getByText('Coaching Komunikasi').waitFor();
    expect(await page.getByTestId('plan-total-personJp').innerText()).toBe('6');
    expect(await nextPrograms.innerText()).toContain('Non-klasikal');
    await page.getByRole('button', { name: 'Hapus' }).click();
    await page.getByRole('dialog', { name: 'Hapus program' }).getByRole('button', { name: 'Hapus' }).click();
    await page.getByText('Belum ada program.').waitFor();

    // --- workload analysis page renders for the agency ---
    await nav.getByRole('link', { name: 'Analisis Beban Kerja' }).click();
    await page.getByRole('heading', { name: 'Analisis Beban Kerja', level: 1 }).waitFor();
    const perPosition = page.getByRole('region', { name: 'Per jabatan' });
    await page.getByRole('button', { name: 'Ubah tugas Kepala Seksi' }).click();
    const tasks = page.getByRole('dialog', { name: /^Tugas Kepala Seksi/ });
    await tasks.getByRole('button', { name: 'Tambah tugas' }).click();
    await tasks.getByLabel('Uraian tugas 1').fill('Menyusun laporan pelayanan kesehatan');
    await tasks.getByLabel('Volume setahun tugas 1').fill('1500');
    await tasks.getByLabel('Waktu standar tugas 1').fill('60');
    expect(await tasks.innerText()).toContain('Total beban kerja: 1.500 jam per tahun');
    await tasks.getByRole('button', { name: 'Simpan' }).click();
    // 1,500 hours ÷ 1,250 effective hours = 1.2 → 1 needed, 1 in post.
    const kasi = perPosition.getByRole('row').filter({ hasText: 'Kepala Seksi' });
    await kasi.getByText('1.500').waitFor();
    expect(await kasi.innerText()).toContain('0 (sesuai)');
    await screenshot(page, 'abk');
    await context.close();
  });

  it('[learner] sees the gap on the competency profile with the recommended courses and enrols from there (desktop and 360 px)', async () => {
    const { context, page } = await signedIn(browser, '/login', DEMO.learnerNip);
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Kompetensi Saya' }).click();
    await page.getByRole('heading', { name: 'Profil Kompetensi', level: 1 }).waitFor();
    await page.getByRole('figure', { name: 'Level saat ini dibandingkan level yang dipersyaratkan' }).waitFor();

    const gap = page.getByRole('listitem', { name: 'M.01 Integritas' });
    expect(await gap.innerText()).toContain('Kesenjangan 1 level');
    const courses = gap.getByRole('list', { name: 'Kursus yang disarankan untuk Integritas' });
    // Enrolled through the cohort the admin made from the plan program.
    await courses.getByRole('listitem').filter({ hasText: cohortCourse.title }).getByText(/Terdaftar|Sedang berjalan/).waitFor();
    // The course that goes beyond the required level is offered too; enrolling from the card.
    await courses.getByRole('link', { name: selfCourse.title }).waitFor();
    expect(await courses.getByRole('link', { name: cohortCourse.title }).getAttribute('href')).toBe(`/kursus/${cohortCourse.id}`);
    await courses.getByRole('button', { name: `Daftar ke ${selfCourse.title}` }).click();
    await page.getByText(`Anda terdaftar di ${selfCourse.title}.`).waitFor();
    await courses.getByRole('listitem').filter({ hasText: selfCourse.title }).getByText(/Terdaftar|Sedang berjalan/).waitFor();
    // M.02 is met: it is no gap card.
    expect(await page.getByRole('listitem', { name: 'M.02 Kerjasama' }).count()).toBe(0);
    await screenshot(page, 'kompetensi-saya');

    // Individual development plan: a goal with a target date and progress.
    await page.getByRole('button', { name: 'Tambah tujuan' }).click();
    const goalDialog = page.getByRole('dialog', { name: 'Tambah tujuan pengembangan' });
    await goalDialog.getByLabel('Tujuan').fill('Mencapai level 2 Integritas');
    await goalDialog.getByLabel('Kompetensi').selectOption('M.01');
    await goalDialog.getByLabel('Tanggal target').fill(`${new Date().getFullYear()}-12-31`);
    await goalDialog.getByLabel('Kemajuan (%)').fill('25');
    await goalDialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('progressbar', { name: 'Kemajuan Mencapai level 2 Integritas' }).waitFor();
    await screenshot(page, 'kompetensi-saya-idp');

    // The same page in English.
    await page.getByRole('group', { name: 'Bahasa' }).getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Competency profile', level: 1 }).waitFor();
    expect(await page.getByRole('listitem', { name: 'M.01 Integritas' }).innerText()).toContain('Gap of 1 level');
    await screenshot(page, 'kompetensi-saya-en');
    await context.close();

    const phone = await signedIn(browser, '/login', DEMO.learnerNip, PHONE);
    await phone.page.goto('/kompetensi');
    await phone.page.getByRole('listitem', { name: 'M.01 Integritas' }).waitFor();
    await noHorizontalScroll(phone.page);
    await screenshot(phone.page, 'kompetensi-saya-360');
    await screenshot(phone.page, 'kompetensi-saya-360-layar', { fullPage: false });
    await phone.context.close();
  });
});
