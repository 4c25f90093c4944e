import type { Browser } from 'playwright-core';
import { DEMO, signIn } from '../support/auth';
import { launchBrowser, newPage, PHONE, screenshot } from '../support/browser';
import { ApiSession, uniqueCode } from '../support/learning-api';

/**
 * Page and file activities in the learner player: the enrolled learner reads the page, sees the file
 * with its size and a link on the content origin, and both count as done on the course page.
 */
describe('learner page and file activities', () => {
  let browser: Browser;
  let admin: ApiSession;
  let courseId: string;
  let pageId: string;
  let fileId: string;
  const title = `Etika Pelayanan Publik ${uniqueCode('E')}`;
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'.padEnd(2048, ' '));

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await ApiSession.signIn(browser, DEMO.semarangAdmin);
    const course = await admin.post<{ id: string }>('/courses', {
      code: uniqueCode('PGF'),
      title,
      description: 'Kursus dengan halaman dan berkas.',
      category: 'teknis',
      deliveryMode: 'e_learning',
      jp: 2,
    });
    courseId = course.id;
    const section = await admin.post<{ id: string }>(`/courses/${courseId}/sections`, { title: 'Bacaan' });
    const page = await admin.post<{ id: string }>(`/courses/${courseId}/sections/${section.id}/activities`, {
      type: 'page',
      title: 'Prinsip pelayanan',
      // The script must be dropped by the API's sanitiser; the list and emphasis kept.
      settings: { html: '<h2>Asas pelayanan</h2><p>Pelayanan <strong>tepat waktu</strong> dan ramah.</p><ul><li>Transparan</li><li>Akuntabel</li></ul><script>window.__pwned = true</script>' },
    });
    pageId = page.id;
    const file = await admin.post<{ id: string }>(`/courses/${courseId}/sections/${section.id}/activities`, { type: 'file', title: 'Pedoman (PDF)', settings: {} });
    fileId = file.id;
    await admin.upload(`/courses/${courseId}/activities/${fileId}/file`, { name: 'pedoman-pelayanan.pdf', mimeType: 'application/pdf', buffer: pdf });
    await admin.post(`/courses/${courseId}/publish`);
    await admin.put(`/courses/${courseId}/enrolment-settings`, { enrolmentPolicy: 'self' });
    const learner = await ApiSession.signIn(browser, DEMO.learnerEmail);
    await learner.post('/enrolments', { courseId });
    await learner.close();
  });
  afterAll(async () => {
    await admin?.close();
    await browser?.close();
  });

  it('[learner] reads the page, opens the file, and the course page shows both done', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, '/login', DEMO.learnerNip);
    await page.getByRole('heading', { name: 'Pembelajaran Saya' }).first().waitFor();
    await page.goto(`/kursus/${courseId}`);
    await page.getByRole('heading', { name: title }).first().waitFor();
    await page.getByRole('link', { name: 'Prinsip pelayanan' }).click();

    // The page: its sanitised text, no script run, and "done" once the viewed call came back.
    await page.getByRole('heading', { name: 'Prinsip pelayanan', level: 1 }).waitFor();
    const article = page.locator('article');
    await article.getByRole('heading', { name: 'Asas pelayanan' }).waitFor();
    expect(await article.locator('strong').innerText()).toBe('tepat waktu');
    expect(await article.locator('li').allInnerTexts()).toEqual(['Transparan', 'Akuntabel']);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await article.locator('script').count()).toBe(0);
    await page.getByRole('status').filter({ hasText: 'Selesai' }).waitFor();
    await screenshot(page, 'learner-activity-page');

    // Next: the file, with its name, size and a link on the content origin (not the portal).
    await page.getByRole('link', { name: /Berikutnya: Pedoman/ }).click();
    await page.getByRole('heading', { name: 'Pedoman (PDF)', level: 1 }).waitFor();
    await page.getByText('pedoman-pelayanan.pdf').waitFor();
    expect(await page.locator('article').innerText()).toContain('2 KB');
    const open = page.getByRole('link', { name: 'Buka / unduh berkas' });
    const href = (await open.getAttribute('href')) ?? '';
    expect(new URL(href).origin).not.toBe(new URL(page.url()).origin);
    expect(await open.getAttribute('target')).toBe('_blank');
    // The content origin serves it to a request that carries no portal cookie.
    const served = await fetch(href);
    expect(served.status).toBe(200);
    expect((await served.text()).startsWith('%PDF')).toBe(true);
    await page.getByRole('status').filter({ hasText: 'Selesai' }).waitFor();
    await screenshot(page, 'learner-activity-file');

    // Previous goes back to the page; the last activity leads back to the course page.
    await page.getByRole('link', { name: /Sebelumnya: Prinsip/ }).waitFor();
    await page.getByRole('link', { name: 'Kembali ke halaman kursus' }).last().click();
    await page.getByRole('heading', { name: title }).first().waitFor();
    const outline = page.locator('.outline-items');
    await outline.locator('.outline-item', { hasText: 'Prinsip pelayanan' }).getByText('Selesai').waitFor();
    await outline.locator('.outline-item', { hasText: 'Pedoman (PDF)' }).getByText('Selesai').waitFor();
    await screenshot(page, 'learner-activities-course-done');

    // Tracking agrees: both activities completed for Budi.
    const progress = await page.evaluate(async (id) => {
      const response = await fetch(`/api/learning/courses/${id}/progress`, { headers: { 'x-asah-client': '1' } });
      return (await response.json()) as { activities: { activityId: string; status: string }[] };
    }, courseId);
    const statuses = Object.fromEntries(progress.activities.map((a) => [a.activityId, a.status]));
    expect(statuses[pageId]).toBe('completed');
    expect(statuses[fileId]).toBe('completed');
    await context.close();
  });

  it('[learner] reads a page activity on a 360 px phone without horizontal scrolling', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, '/login', DEMO.learnerNip);
    await page.getByRole('heading', { name: 'Pembelajaran Saya' }).first().waitFor();
    await page.goto(`/kursus/${courseId}/aktivitas/${fileId}`);
    await page.getByText('pedoman-pelayanan.pdf').waitFor();
    await screenshot(page, 'learner-activity-file-phone');
    await page.goto(`/kursus/${courseId}/aktivitas/${pageId}`);
    await page.locator('article').getByRole('heading', { name: 'Asas pelayanan' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'learner-activity-page-phone');
    await context.close();
  });
});
