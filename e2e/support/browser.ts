import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

export const baseUrl = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run through e2e/jest.config.js');
  return url;
};

/** Debian's Chromium with the flags this sandbox needs; never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface Viewport {
  width: number;
  height: number;
}
export const DESKTOP: Viewport = { width: 1280, height: 860 };
export const PHONE: Viewport = { width: 360, height: 740 };

export async function newPage(browser: Browser, viewport: Viewport = DESKTOP, locale = 'id-ID'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale, baseURL: baseUrl() });
  // Fail within seconds, not Jest's minute, when something a person would see is missing.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page };
}

const artifacts = join(__dirname, '..', 'artifacts');
/**
 * Screenshots are kept under e2e/artifacts for people to look at after a run. Full page by default;
 * `fullPage: false` for what the viewport shows (Chromium draws cross-origin frames only there).
 */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage });
}
