import type { Browser } from 'playwright-core';
import { ZipFile } from 'yazl';
import { baseUrl, launchBrowser } from '../support/browser';
import { createScormCourse, eventually, exitPlayer, golfContent, learnerPage, openPlayer, sample, sco, scoFrame, scoStates } from './scorm-support';

/**
 * The player in the browser when things go wrong: the page closes without a Commit, the network
 * drops, and a package's script turns against the learner.
 */

async function golfNext(page: import('playwright-core').Page, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    const frame = await scoFrame(page);
    const index = () => frame.evaluate(() => Number((window as unknown as { currentPage: number | null }).currentPage));
    const before = await index();
    await sco(page).getByRole('button', { name: 'Next ->' }).click();
    await eventually(index, (value) => value === before + 1, 'page change');
  }
}

/** A one-SCO SCORM 1.2 package, built here (never from the shared samples), whose script is hostile. */
function hostilePackage(portalOrigin: string): Promise<Buffer> {
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="hostile" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Paket Uji Isolasi</title>
    <item identifier="item" identifierref="res"><title>Uji Isolasi</title></item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource></resources>
</manifest>`;
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Uji</title></head><body><h1 id="done">…</h1>
<script>
(async function () {
  var api = window.parent.API;
  api.LMSInitialize('');
  var portal = ${JSON.stringify(portalOrigin)};
  var results = {};
  function attempt(name, fn) {
    try { var value = fn(); results[name] = 'READ:' + String(value).slice(0, 80); }
    catch (e) { results[name] = 'blocked'; }
  }
  attempt('topDom', function () { return window.top.document.body.innerHTML; });
  attempt('topStorage', function () { return window.top.localStorage.length; });
  attempt('topCookie', function () { return window.top.document.cookie; });
  attempt('ownCookie', function () { var c = document.cookie; if (/asah_(at|rt)=/.test(c)) return c; throw new Error('none'); });
  try {
    var me = await fetch(portal + '/api/auth/me', { credentials: 'include' });
    results.readMe = 'READ:' + me.status + ':' + (await me.text()).slice(0, 80);
  } catch (e) { results.readMe = 'blocked'; }
  try {
    await fetch(portal + '/api/auth/logout', { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' });
    results.logoutSent = 'sent';
  } catch (e) { results.logoutSent = 'blocked'; }
  try { navigator.sendBeacon(portal + '/api/auth/logout', '{}'); } catch (e) {}
  var form = document.createElement('form');
  form.method = 'POST'; form.action = portal + '/api/auth/logout'; form.target = 'sink';
  var sink = document.createElement('iframe'); sink.name = 'sink'; document.body.appendChild(sink); document.body.appendChild(form);
  try { form.submit(); } catch (e) {}
  await new Promise(function (r) { setTimeout(r, 1500); });
  api.LMSSetValue('cmi.suspend_data', JSON.stringify(results));
  api.LMSSetValue('cmi.core.lesson_status', 'completed');
  api.LMSCommit('');
  document.getElementById('done').textContent = 'selesai';
})();
</script></body></html>`;
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    zip.addBuffer(Buffer.from(manifest), 'imsmanifest.xml');
    zip.addBuffer(Buffer.from(html), 'index.html');
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

describe('SCORM player reliability and isolation', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('the page closes without any Commit: the terminate beacon still stores the bookmark', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm12-runtime-basic-calls.zip') }, 'Golf Tutup Halaman');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    await golfNext(page, 2);
    // Closing the tab: unload handlers run (Golf calls LMSFinish; the launcher terminates what is still open).
    await page.close({ runBeforeUnload: true });
    const [row] = await eventually(() => scoStates(course.activityId), (rows) => rows[0]?.location === '2', 'bookmark from the beacon');
    expect(row.exit).toBe('suspend');
    expect(row.cmi.core.lesson_status).toBe('incomplete');
    await context.close();
  });

  it('the network drops mid-session: commits wait in the browser and are replayed when it returns', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm2004-3rd-runtime-basic-calls.zip') }, 'Golf Luring');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    await context.setOffline(true);
    await golfNext(page, 3);
    await exitPlayer(page, course);
    // Nothing reached the server while offline.
    expect((await scoStates(course.activityId)).find((r) => r.location === '3')).toBeUndefined();
    await context.setOffline(false);
    // The next launch of the launcher (same content origin storage) sends the queued terminate
    // commit before it reads the state, so the SCO resumes where the learner was while offline.
    await openPlayer(page, course);
    const [row] = await eventually(() => scoStates(course.activityId), (rows) => rows[0]?.location === '3', 'offline commit replayed');
    expect(row.exit).toBe('suspend');
    const frame = await scoFrame(page);
    await eventually(() => frame.evaluate(() => Number((window as unknown as { currentPage: number | null }).currentPage)), (index) => index === 3, 'resumed at the offline bookmark');
    await exitPlayer(page, course);
    await context.close();
  });

  it("the network drops and returns while the player stays open: each SCO's queued commits reach that SCO", async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm12-runtime-minimum-calls-multisco.zip') }, 'Golf Sinyal Putus');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await scoFrame(page, 'Playing/Playing.html');
    await context.setOffline(true);
    // Continue: the first SCO finishes (its terminate commit is queued); the next one cannot load offline.
    const button = page.getByRole('button', { name: 'Lanjut', exact: true });
    await eventually(() => button.isEnabled(), (enabled) => enabled, 'Lanjut enabled');
    await button.click();
    await eventually(() => Promise.resolve(page.frames().some((f) => f.url().startsWith('chrome-error:'))), (failed) => failed, 'next SCO refused offline');
    expect((await scoStates(course.activityId)).filter((r) => r.cmi.core?.lesson_status === 'completed')).toEqual([]);
    await context.setOffline(false);
    // scorm-again replays its queue on the browser's "online" event, to the SCO the commit came
    // from, although the launcher has moved on to the next SCO.
    const rows = await eventually(
      () => scoStates(course.activityId),
      (r) => r.find((s) => s.sco_identifier === 'playing_playing_item')?.cmi.core?.lesson_status === 'completed',
      'queued commit replayed',
    );
    expect(rows.find((r) => r.sco_identifier === 'playing_par_item')?.cmi.core?.lesson_status).not.toBe('completed');
    await exitPlayer(page, course);
    await context.close();
  });

  it("a package's script cannot read the portal, read the API as the learner, or sign the learner out", async () => {
    const portal = new URL(baseUrl()).origin;
    const course = await createScormCourse(browser, { name: 'uji-isolasi.zip', buffer: await hostilePackage(portal) }, 'Paket Uji Isolasi');
    const { context, page } = await learnerPage(browser);
    await page.evaluate(() => localStorage.setItem('asah-e2e-secret', 'rahasia'));
    await openPlayer(page, course);
    await sco(page).getByRole('heading', { name: 'selesai' }).waitFor({ timeout: 20_000 });
    const [row] = await eventually(() => scoStates(course.activityId), (rows) => Boolean(rows[0]?.suspend_data), 'results committed');
    const results = JSON.parse(row.suspend_data!) as Record<string, string>;
    expect(results).toMatchObject({ topDom: 'blocked', topStorage: 'blocked', topCookie: 'blocked', ownCookie: 'blocked', readMe: 'blocked' });
    await exitPlayer(page, course);
    // Still signed in: the portal's API answers as the learner, and pages open.
    const me = await page.request.get('/api/auth/me', { headers: { 'x-asah-client': '1' } });
    expect(me.status()).toBe(200);
    await page.goto('/pembelajaran');
    await page.getByRole('heading', { name: 'Pembelajaran Saya', level: 1 }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('asah-e2e-secret'))).toBe('rahasia');
    await context.close();
  });

  it('quiz content frames never see the portal either (content origin differs from the portal origin)', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm12-runtime-basic-calls.zip') }, 'Golf Asal Konten');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await golfContent(page).locator('body').waitFor();
    const frame = await scoFrame(page);
    expect(new URL(frame.url()).origin).not.toBe(new URL(baseUrl()).origin);
    await exitPlayer(page, course);
    await context.close();
  });
});
