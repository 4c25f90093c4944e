import type { Page } from 'playwright-core';

/** Demo accounts seeded on the fresh database of every e2e run (apps/api/src/modules/seed/demo-data.ts). */
export const DEMO = {
  password: 'Asah2026!',
  platformAdmin: 'platform@asah.id',
  semarangAdmin: 'admin@semarangkota.go.id',
  ambonAdmin: 'admin@ambon.go.id',
  instructor: 'instruktur@semarangkota.go.id',
  learnerNip: '19860926 201505 1 001',
  learnerEmail: 'budi.santoso@semarangkota.go.id',
};

/** Signs in through the login form as a person would (labels in Bahasa Indonesia). */
export async function signIn(page: Page, path: string, identifier: string, password = DEMO.password): Promise<void> {
  await page.goto(path);
  await page.getByLabel('NIP atau email').fill(identifier);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}
