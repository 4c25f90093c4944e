import type { Browser } from 'playwright-core';
import { DEMO, signIn } from '../support/auth';
import { launchBrowser, newPage, PHONE, screenshot } from '../support/browser';

describe('learner portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('[learner] signs in with a NIP and sees the profile in Bahasa Indonesia', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/profil');
    // Not signed in: the portal sends the learner to the login page first.
    await page.waitForURL('**/login**');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await screenshot(page, 'learner-login');

    await signIn(page, page.url(), DEMO.learnerNip);
    // After signing in the learner is taken back to the page they asked for.
    await page.getByRole('heading', { name: 'Profil' }).first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/profil');
    const main = page.locator('main');
    await main.getByText('19860926 201505 1 001').waitFor();
    const text = await main.innerText();
    expect(text).toContain('Budi Santoso');
    expect(text).toContain('Pemerintah Kota Semarang');
    expect(text).toContain('Dinas Kesehatan');
    expect(text).toContain('Bidang Pelayanan Kesehatan');
    expect(text).toContain('Kepala Seksi');
    expect(text).toContain('PNS');
    expect(text).toContain('Unit Kerja');
    expect(text).toContain('Jabatan');
    await screenshot(page, 'learner-profil');

    await page.getByRole('link', { name: 'Pembelajaran Saya' }).first().click();
    await page.getByRole('heading', { name: 'Pembelajaran Saya' }).first().waitFor();
    // Other journeys of the same run may have enrolled Budi already: the JP card is there either way.
    await page.getByRole('region', { name: 'JP tahun ini' }).waitFor();
    await screenshot(page, 'learner-pembelajaran-saya');
    await context.close();
  });

  it('[learner] reads the portal in English after switching language', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, '/login', DEMO.learnerEmail);
    await page.getByRole('heading', { name: 'Pembelajaran Saya' }).first().waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.getByRole('heading', { name: 'My learning' }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'My learning' }).first().waitFor();
    await context.close();
  });

  it('[learner] mistypes the password and is told so without learning whether the account exists', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, '/login', DEMO.learnerEmail, 'salah-sandi');
    const wrong = await page.getByRole('alert').first().innerText();
    await signIn(page, '/login', 'tidak.ada@semarangkota.go.id', 'salah-sandi');
    const unknown = await page.getByRole('alert').first().innerText();
    expect(wrong.length).toBeGreaterThan(0);
    expect(unknown).toBe(wrong);
    expect(page.url()).toContain('/login');
    await context.close();
  });

  it('[learner] uses the profile on a 360 px phone screen without horizontal scrolling', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, '/login', DEMO.learnerNip);
    await page.getByRole('heading', { name: 'Pembelajaran Saya' }).first().waitFor();
    await page.goto('/profil');
    await page.locator('main').getByText('19860926 201505 1 001').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'learner-profil-phone');
    await context.close();
  });
});
