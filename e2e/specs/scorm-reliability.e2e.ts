import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { ZipFile } from 'yazl';
import { baseUrl, launchBrowser } from '../support/browser';
import { screenshot } from '../support/browser';
import { createScormCourse, db, eventually, exitPlayer, golfContent, launcher, learnerPage, openPlayer, sample, sco, scoFrame, scoStates, storedSequencing } from './scorm-support';

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

async function golfNextUntilDisabled(page: import('playwright-core').Page): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    if (await sco(page).getByRole('button', { name: 'Next ->' }).isDisabled()) return;
    await golfNext(page, 1);
  }
  throw new Error('Golf never reached its last page');
}

async function playerContinue(page: import('playwright-core').Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Lanjut', exact: true });
  await eventually(() => button.isEnabled(), (enabled) => enabled, 'Lanjut enabled');
  await button.click();
}

/** A SCO of the sequenced Golf package is showing, and the player shows no error. */
async function deliveredContent(page: import('playwright-core').Page, content: string): Promise<void> {
  await scoFrame(page, `content=${content}`);
  await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
  expect(await page.locator('.lp-message').count()).toBe(0);
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

  it('the API cannot be reached while the browser still says online: the failed commit waits in the browser and goes with the next one that arrives', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm12-runtime-minimum-calls-multisco.zip') }, 'Golf API Putus');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await scoFrame(page, 'Playing/Playing.html');
    // No offline event: navigator.onLine stays true (a dropped connection the browser has not
    // noticed, an API restarting behind the load balancer). scorm-again alone answers such a
    // commit false and forgets it.
    let refused = 0;
    await page.route(/\/sco\/[^/]+\/commit/, async (route) => {
      refused += 1;
      await route.abort('connectionrefused');
    });
    const button = page.getByRole('button', { name: 'Lanjut', exact: true });
    await eventually(() => button.isEnabled(), (enabled) => enabled, 'Lanjut enabled');
    await button.click();
    await scoFrame(page, 'Playing/Par.html');
    await eventually(() => Promise.resolve(refused), (n) => n > 0, 'the first SCO tried to commit');
    expect(await page.evaluate(() => navigator.onLine)).toBe(true);
    expect(await scoStates(course.activityId)).toEqual([]);
    const queued = await launcher(page)
      .locator('body')
      .evaluate(() => JSON.parse(localStorage.getItem('scorm_again_sync_queue') ?? '[]') as Array<{ data: { __sco?: string } }>);
    expect(queued.map((item) => item.data.__sco)).toContain('playing_playing_item');
    // The API answers again; the next SCO's commit (its finish) arrives and the queued one follows it.
    await page.unrouteAll();
    await eventually(() => button.isEnabled(), (enabled) => enabled, 'Lanjut enabled');
    await button.click();
    const rows = await eventually(
      () => scoStates(course.activityId),
      (r) => ['playing_playing_item', 'playing_par_item'].every((id) => r.find((s) => s.sco_identifier === id)?.cmi.core?.lesson_status === 'completed'),
      'both SCOs stored, the queued one included',
    );
    expect(rows.filter((r) => r.cmi.core?.lesson_status === 'completed').map((r) => r.sco_identifier)).toEqual(
      expect.arrayContaining(['playing_playing_item', 'playing_par_item']),
    );
    await exitPlayer(page, course);
    await context.close();
  });

  it('the launcher cannot read the state: the player says what happened, and "Coba lagi" starts the content once the server answers', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm12-runtime-basic-calls.zip') }, 'Golf Status Gagal');
    const { context, page } = await learnerPage(browser);
    await page.route(/\/rt\/[^/]+\/state/, (route) => route.abort('connectionrefused'));
    await page.goto(`/kursus/${course.courseId}/aktivitas/${course.activityId}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Materi tidak dapat dimuat dari server' });
    await alert.waitFor({ timeout: 20_000 });
    await screenshot(page, 'pemutar-galat-status');
    await page.unrouteAll();
    await alert.getByRole('button', { name: 'Coba lagi' }).click();
    await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    await exitPlayer(page, course);
    await context.close();
  });

  it('a sequenced course closed mid-SCO: the state saved as the tab closes is stored (sent gzip-compressed, under the keepalive cap), and the next launch delivers the SCO again, never an error', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm2004-3rd-sequencing-simple-remediation.zip') }, 'Golf Remediasi Tutup Tab');
    const { context, page } = await learnerPage(browser);
    // What the launcher sends to PUT .../sequencing: size on the wire and unpacked.
    const saves: Array<{ wire: number; json: number }> = [];
    page.on('request', (request) => {
      if (request.method() !== 'PUT' || !/\/rt\/[^/]+\/sequencing\?/.test(request.url())) return;
      const body = request.postDataBuffer();
      if (!body) return;
      const json = request.headers()['content-encoding'] === 'gzip' ? gunzipSync(body) : body;
      saves.push({ wire: body.length, json: json.length });
    });
    await openPlayer(page, course);
    await deliveredContent(page, 'playing');
    await golfNext(page, 2);
    // Browsers refuse keepalive bodies over 64 KiB (the launcher keeps under 60,000): this package's
    // state is more than that as JSON, and leaves gzip-compressed well under it.
    await eventually(() => Promise.resolve(saves.length), (n) => n > 0, 'a sequencing save seen');
    expect(Math.max(...saves.map((s) => s.json))).toBeGreaterThan(60_000);
    expect(Math.max(...saves.map((s) => s.wire))).toBeLessThan(20_000);
    // The tab closes: the launcher terminates the SCO (no navigation request: sequencing exits the
    // activity but ends nothing), scorm-again saves the tree, and the page is gone.
    await page.close({ runBeforeUnload: true });
    // The save made while the page closed arrived: it is the one after the exit (playing_item no
    // longer active).
    const stored = await eventually(
      () => storedSequencing(course.activityId),
      (s) => s.state?.sequencing?.activityStates?.playing_item?.isActive === false,
      'the close-time sequencing save',
    );
    expect(stored.state?.sequencing?.currentActivity).toBe('playing_item');
    expect(stored.state?.sequencing?.suspendedActivity ?? null).toBeNull();
    expect(stored.currentItem).toBe('playing_item');

    // That state allows neither resumeAll (nothing suspended) nor start (an activity is current):
    // the launcher delivers the SCO the learner was on, and the learner goes on from there.
    const again = await context.newPage();
    again.on('dialog', (dialog) => void dialog.accept());
    await openPlayer(again, course);
    await deliveredContent(again, 'playing');
    await screenshot(again, 'pemutar-sekuens-dilanjutkan', { fullPage: false });
    await golfNextUntilDisabled(again);
    await playerContinue(again);
    await deliveredContent(again, 'etiquette');
    await exitPlayer(again, course);
    await context.close();
  }, 180_000);

  it('a stored sequencing state in another format version (scorm-again restores no tree but counts content as delivered): the learner gets the item they were on, and the state is healed', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm2004-3rd-sequencing-forced-sequential.zip') }, 'Golf Urutan Versi Lain');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await deliveredContent(page, 'playing');
    // The state saved at the delivery: the SCO is running.
    const running = await eventually(
      () => storedSequencing(course.activityId),
      (s) => s.state?.sequencing?.activityStates?.playing_item?.isActive === true,
      'state saved at delivery',
    );
    await exitPlayer(page, course);
    await eventually(() => storedSequencing(course.activityId), (s) => s.state?.sequencing?.suspendedActivity === 'playing_item', 'suspended state saved');
    // Put back the running state as another version of scorm-again would have written it: its tree
    // (version "2.0") is refused, yet "content delivered" is restored, so neither resumeAll nor
    // start is valid.
    const other = structuredClone(running.state!) as { sequencing: Record<string, unknown> };
    other.sequencing.version = '2.0';
    await db(`UPDATE tracking_attempts SET sequencing_state = jsonb_set(sequencing_state, '{state}', to_jsonb($2::text)) WHERE activity_id = $1`, [
      course.activityId,
      JSON.stringify(other),
    ]);

    await openPlayer(page, course);
    await deliveredContent(page, 'playing');
    await exitPlayer(page, course);
    // Saved again from this session: a state that resumes by itself next time.
    await eventually(
      () => storedSequencing(course.activityId),
      (s) => s.state?.sequencing?.suspendedActivity === 'playing_item' && (s.state?.sequencing as { version?: string }).version === '1.0',
      'healed state saved',
    );
    await openPlayer(page, course);
    await deliveredContent(page, 'playing');

    // A navigation the sequencing refuses after the launcher unloaded the SCO (a choice this package
    // forbids; the player's own controls would not offer it) leaves no empty frame: the SCO is
    // delivered again, as a fresh page.
    const before = await scoFrame(page, 'content=playing');
    await before.evaluate(() => ((window as unknown as { marked: boolean }).marked = true));
    await page.evaluate(() =>
      document.querySelector<HTMLIFrameElement>('iframe.lp-frame')!.contentWindow!.postMessage({ source: 'asah-portal', type: 'command', command: 'choice', target: 'handicapping_item' }, '*'),
    );
    await eventually(
      () => scoFrame(page, 'content=playing').then((frame) => frame.evaluate(() => (window as unknown as { marked?: boolean }).marked !== true && document.readyState === 'complete')).catch(() => false),
      (fresh) => fresh,
      'the SCO delivered again',
      25_000,
    );
    await deliveredContent(page, 'playing');
    await exitPlayer(page, course);
    await context.close();
  }, 180_000);

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
