import type { Browser, Page } from 'playwright-core';
import { launchBrowser, PHONE, screenshot } from '../support/browser';
import {
  answerGolfQuiz,
  createScormCourse,
  db,
  eventually,
  exitPlayer,
  golfContent,
  learnerPage,
  openPlayer,
  sample,
  sco,
  scoFrame,
  scoStates,
} from './scorm-support';

/**
 * Every SCORM package of shared/scorm-samples played by the demo learner in real Chromium through
 * the learner portal's player: what the content reported is checked in PostgreSQL, then the
 * learner comes back and the content resumes. (The cmi5 sample is not a SCORM package.)
 */

/** Golf's launch page keeps the page index in a global (some SCOs list the same page twice). */
const golfPageIndex = async (page: Page): Promise<number> =>
  (await scoFrame(page)).evaluate(() => Number((window as unknown as { currentPage: number | null }).currentPage));

/** Clicks Golf's own "Next ->" button n times, waiting for each page. */
async function golfNext(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i += 1) {
    const before = await golfPageIndex(page);
    await sco(page).getByRole('button', { name: 'Next ->' }).click();
    await eventually(() => golfPageIndex(page), (index) => index === before + 1, 'Golf page change');
  }
}

/** Golf's content frame address (which page of the SCO the learner is on). */
async function golfPage(page: Page): Promise<string> {
  return (await scoFrame(page)).evaluate(() => (document.getElementById('contentFrame') as HTMLIFrameElement | null)?.src ?? '');
}

async function playerButton(page: Page, name: 'Lanjut' | 'Sebelumnya'): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  await eventually(() => button.isEnabled(), (enabled) => enabled, `${name} enabled`);
  await button.click();
}

describe('SCORM packages in the learner player', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it('SCORM 1.2 single SCO: bookmark and suspend on exit without LMSCommit, resume, quiz passed with score', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm12-runtime-basic-calls.zip') }, 'Golf 1.2 Dasar');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    // A single SCO: no table of contents, no flow buttons.
    expect(await page.getByRole('button', { name: 'Daftar isi' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lanjut', exact: true }).count()).toBe(0);
    await golfNext(page, 3);
    await screenshot(page, 'pemutar-scorm12', { fullPage: false });
    await exitPlayer(page, course);

    // Golf 1.2 never calls LMSCommit: everything arrives with LMSFinish (the terminate beacon).
    let [row] = await eventually(() => scoStates(course.activityId), (rows) => rows[0]?.exit === 'suspend', 'suspend stored');
    expect(row.location).toBe('3');
    expect(row.cmi.core.lesson_status).toBe('incomplete');
    expect(row.entry).toBe('resume');

    // Back again: Golf asks to resume (accepted) and opens page 4 of 15.
    await openPlayer(page, course);
    await eventually(() => golfPage(page), (src) => src.endsWith('Playing/OtherScoring.html'), 'resumed at the bookmark');
    await golfNext(page, 11);
    expect(await golfPage(page)).toContain('assessmenttemplate.html');
    await answerGolfQuiz(golfContent(page), true);
    await exitPlayer(page, course);
    [row] = await eventually(() => scoStates(course.activityId), (rows) => rows[0]?.cmi.core?.lesson_status === 'passed', 'quiz passed');
    expect(row.score_raw).toBe(100);
    expect(row.cmi.core.score.max).toBe('100');
    expect(row.attempt_number).toBe(1);
    const [attempt] = await db<{ status: string }>(`SELECT status FROM tracking_attempts WHERE id = $1`, [row.attempt_id]);
    expect(attempt.status).toBe('passed');

    // The policy ("always") allows a new attempt: it starts from the first page; the first stays in the history.
    await openPlayer(page, course);
    // Golf first asks (window.confirm) whether to resume; a click while that prompt is open is lost.
    await eventually(() => golfPage(page), (src) => src.includes('assessmenttemplate.html'), 'resumed on the quiz');
    await page.getByRole('button', { name: 'Percobaan baru' }).click();
    await page.getByRole('dialog', { name: 'Mulai percobaan baru?' }).getByRole('button', { name: 'Mulai dari awal' }).click();
    await eventually(() => scoStates(course.activityId).then(() => db<{ n: number }>(`SELECT count(*)::int AS n FROM tracking_attempts WHERE activity_id = $1`, [course.activityId])), (r) => r[0]?.n === 2, 'second attempt');
    await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    expect(await golfPage(page)).toContain('Playing/Playing.html');
    await exitPlayer(page, course);
    const attempts = await db<{ attempt_number: number; status: string }>(`SELECT attempt_number, status FROM tracking_attempts WHERE activity_id = $1 ORDER BY attempt_number`, [course.activityId]);
    expect(attempts.map((a) => a.attempt_number)).toEqual([1, 2]);
    // Reopening attempt 1 on its last page makes Golf report lesson_status "completed" again (its
    // last page sets it), which the LMS stores as reported; the activity stays done either way.
    expect(['passed', 'completed']).toContain(attempts[0]!.status);
    const [result] = await db<{ status: string }>(`SELECT status FROM activity_results WHERE activity_id = $1`, [course.activityId]);
    expect(['passed', 'completed']).toContain(result.status);
    await context.close();
  });

  it('SCORM 2004 3rd basic calls: location, suspendAll from the player, resume, passed, exitAll from the content', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm2004-3rd-runtime-basic-calls.zip') }, 'Golf 2004 Dasar');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    await golfNext(page, 2);
    await exitPlayer(page, course);
    let [row] = await eventually(() => scoStates(course.activityId), (rows) => rows[0]?.location === '2', 'location stored');
    expect(row.exit).toBe('suspend');
    expect(row.completion_status).toBe('incomplete');
    expect(row.entry).toBe('resume');

    await openPlayer(page, course);
    await eventually(() => golfPage(page), (src) => src.endsWith('Playing/Scoring.html'), 'resumed at the bookmark');
    await golfNext(page, 12);
    await answerGolfQuiz(golfContent(page), true);
    // The content's own Exit: at the end it sets exit normal and adl.nav.request=exitAll; the player closes.
    await sco(page).getByRole('button', { name: 'Exit' }).click();
    await page.waitForURL((url) => url.pathname === `/kursus/${course.courseId}`, { timeout: 15_000 });
    [row] = await eventually(() => scoStates(course.activityId), (rows) => rows[0]?.success_status === 'passed', 'passed stored');
    expect(row.completion_status).toBe('completed');
    expect(row.score_scaled).toBe(1);
    await context.close();
  });

  it('SCORM 2004 3rd advanced calls: interactions, objectives and progress measure reach their tables', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm2004-3rd-runtime-advanced-calls.zip') }, 'Golf 2004 Lanjutan');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    await golfNext(page, 14);
    await answerGolfQuiz(golfContent(page), false);
    await exitPlayer(page, course);
    // This SCO leaves success to the manifest (primary objective satisfied by measure >= 0.8): it
    // reports completion, the score and progress; the wrong answers make the measure 0, so the
    // activity is failed.
    const [row] = await eventually(() => scoStates(course.activityId), (rows) => rows[0]?.completion_status === 'completed', 'completion stored');
    expect(row.success_status).toBe('unknown');
    expect(row.score_scaled).toBe(0);
    expect(row.location).toBe('14');
    expect(row.attempt_status).toBe('failed');
    const interactions = await db<{ interaction_id: string; result: string }>(`SELECT interaction_id, result FROM tracking_interactions WHERE attempt_id = $1`, [row.attempt_id]);
    expect(interactions.length).toBeGreaterThan(3);
    expect(interactions.some((i) => i.result === 'incorrect' || i.result === 'wrong')).toBe(true);
    const objectives = await db<{ objective_id: string }>(`SELECT objective_id FROM tracking_objectives WHERE attempt_id = $1`, [row.attempt_id]);
    expect(objectives.map((o) => o.objective_id)).toEqual(expect.arrayContaining(['obj_playing']));
    expect(Number(row.cmi.progress_measure)).toBeGreaterThan(0);
    await context.close();
  });

  it('SCORM 2004 2nd edition (CAM 1.3 manifest): plays its single SCO, and the learner comes back to the same attempt', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm2004-2nd-content-packaging-single-sco.zip') }, 'Golf 2004 Edisi 2');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    // This sample's launch page is a placeholder that never calls the API: it must still be shown.
    await sco(page).getByRole('heading', { name: 'Not implemented yet' }).waitFor({ timeout: 20_000 });
    await exitPlayer(page, course);
    await openPlayer(page, course);
    await sco(page).getByRole('heading', { name: 'Not implemented yet' }).waitFor({ timeout: 20_000 });
    await exitPlayer(page, course);
    const attempts = await db<{ attempt_number: number; session_count: number; standard: string }>(
      `SELECT attempt_number, session_count, standard FROM tracking_attempts WHERE activity_id = $1`,
      [course.activityId],
    );
    expect(attempts).toEqual([{ attempt_number: 1, session_count: 2, standard: 'scorm2004' }]);
    await context.close();
  });

  it('SCORM 1.2 multi-SCO (18 SCOs, Initialize/Finish only): table of contents, Continue/Previous, choice, completion per SCO, resume', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm12-runtime-minimum-calls-multisco.zip') }, 'Golf 1.2 Multi-SCO');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    const toc = page.getByRole('navigation', { name: 'Daftar isi' });
    await toc.getByRole('button', { name: /How to Play/ }).waitFor();
    // 18 SCOs under 4 clusters ("Playing the Game", "Etiquette", ...).
    expect(await toc.getByRole('button').count()).toBe(18);
    expect(await toc.innerText()).toContain('Playing the Game');
    await scoFrame(page, 'Playing/Playing.html');
    await playerButton(page, 'Lanjut');
    await scoFrame(page, 'Playing/Par.html');
    await playerButton(page, 'Lanjut');
    await scoFrame(page, 'Playing/Scoring.html');
    await playerButton(page, 'Sebelumnya');
    await scoFrame(page, 'Playing/Par.html');
    await toc.getByRole('button', { name: /Taking Care of the Course/ }).click();
    await scoFrame(page, 'Etiquette/');
    await page.getByText('Taking Care of the Course', { exact: true }).first().waitFor();
    await screenshot(page, 'pemutar-multisco', { fullPage: false });
    await exitPlayer(page, course);

    const rows = await eventually(() => scoStates(course.activityId), (r) => r.length >= 4 && r.every((s) => s.last_sequence > 0), 'four SCOs stored');
    const byId = new Map(rows.map((r) => [r.sco_identifier, r]));
    // The SCOs never set a status: LMSFinish completes them (SCORM 1.2 RTE).
    expect(byId.get('playing_playing_item')?.cmi.core.lesson_status).toBe('completed');
    expect(byId.get('playing_par_item')?.cmi.core.lesson_status).toBe('completed');
    expect(byId.get('playing_scoring_item')?.cmi.core.lesson_status).toBe('completed');
    // Each SCO got its own clean session: no total time carried from one to the next.
    expect(new Set(rows.map((r) => r.attempt_id)).size).toBe(1);

    // Coming back opens the SCO the learner left.
    await openPlayer(page, course);
    await scoFrame(page, 'Etiquette/');
    await exitPlayer(page, course);
    await context.close();
  });

  it('SCORM 1.2 assets only (one file per SCO): viewing an item completes it', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm12-content-packaging-one-file-per-sco.zip') }, 'Golf 1.2 Aset');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await scoFrame(page, 'Playing/Playing.html');
    await playerButton(page, 'Lanjut');
    await scoFrame(page, 'Playing/Par.html');
    await playerButton(page, 'Lanjut');
    await scoFrame(page, 'Playing/Scoring.html');
    await exitPlayer(page, course);
    const rows = await eventually(() => scoStates(course.activityId), (r) => r.filter((s) => s.completion_status === 'completed').length >= 3, 'three assets completed');
    expect(rows.filter((s) => s.completion_status === 'completed').map((s) => s.sco_identifier)).toEqual(
      expect.arrayContaining(['playing_playing_item', 'playing_par_item', 'playing_scoring_item']),
    );
    await context.close();
  });

  it('SCORM 2004 forced sequential: the player renders Continue/Previous, sequencing delivers in order and resumes after suspend', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm2004-3rd-sequencing-forced-sequential.zip') }, 'Golf Urutan Wajib');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    await scoFrame(page, 'content=playing');
    await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    // Finish the first SCO's pages (the last page completes it), then Continue in the player.
    await golfNextUntilDisabled(page);
    await playerButton(page, 'Lanjut');
    await scoFrame(page, 'content=etiquette');
    await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
    await screenshot(page, 'pemutar-urutan-wajib', { fullPage: false });
    await exitPlayer(page, course);
    const [attempt] = await eventually(
      () => db<{ sequencing_state: unknown; current_item: string | null }>(`SELECT sequencing_state, current_item FROM tracking_attempts WHERE activity_id = $1`, [course.activityId]),
      (rows) => rows[0]?.sequencing_state !== null && rows[0]?.sequencing_state !== undefined,
      'sequencing state saved',
    );
    expect(attempt.current_item).toBe('etuqiette_item');
    const rows = await scoStates(course.activityId);
    expect(rows.find((r) => r.sco_identifier === 'playing_item')?.completion_status).toBe('completed');

    // Back again: the suspended activity tree resumes on the Etiquette SCO.
    await openPlayer(page, course);
    await scoFrame(page, 'content=etiquette');
    await exitPlayer(page, course);
    await context.close();
  });

  it('SCORM 2004 simple remediation: a failed quiz routes the learner back to its content, then the course completes', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm2004-3rd-sequencing-simple-remediation.zip') }, 'Golf Remediasi');
    const { context, page } = await learnerPage(browser);
    await openPlayer(page, course);
    // Four content SCOs, then four quizzes; Continue moves on.
    for (const content of ['content=playing', 'content=etiquette', 'content=handicapping', 'content=havingfun']) {
      await scoFrame(page, content);
      await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
      await golfNextUntilDisabled(page);
      await playerButton(page, 'Lanjut');
    }
    // Quizzes: pass 1, 3, 4; fail 2 (etiquette).
    for (const [quiz, pass] of [['assessment1', true], ['assessment2', false], ['assessment3', true], ['assessment4', true]] as const) {
      await scoFrame(page, `content=${quiz}`);
      await answerGolfQuiz(golfQuizFrame(page), pass);
      await playerButton(page, 'Lanjut');
    }
    // Remediation: only the etiquette content (its objective is not satisfied), then its quiz again.
    await scoFrame(page, 'content=etiquette');
    await screenshot(page, 'pemutar-remediasi', { fullPage: false });
    // From here the learner keeps going with Continue, finishing what each SCO shows, until the
    // sequencing session ends (the failed quiz is delivered again; satisfied activities are skipped).
    const seen: string[] = [];
    for (let step = 0; step < 8 && !page.url().endsWith(`/kursus/${course.courseId}`); step += 1) {
      const frame = await scoFrame(page);
      const content = new URL(frame.url()).searchParams.get('content') ?? '';
      seen.push(content);
      if (content.startsWith('assessment')) {
        await answerGolfQuiz(golfQuizFrame(page), true);
      } else {
        await sco(page).getByRole('button', { name: 'Next ->' }).waitFor({ timeout: 20_000 });
        await golfNextUntilDisabled(page);
      }
      await playerButton(page, 'Lanjut');
      await eventually(
        async () => page.url().endsWith(`/kursus/${course.courseId}`) || (await scoFrame(page).then((f) => f.url(), () => '')) !== frame.url(),
        (moved) => moved,
        'the next activity or the end',
      ).catch(() => undefined);
    }
    expect(seen[0]).toBe('etiquette');
    expect(seen).toContain('assessment2');
    expect(seen).not.toContain('playing');
    await page.waitForURL((url) => url.pathname === `/kursus/${course.courseId}`, { timeout: 20_000 });
    const [attempt] = await eventually(
      () => db<{ status: string }>(`SELECT status FROM tracking_attempts WHERE activity_id = $1`, [course.activityId]),
      (rows) => rows[0]?.status === 'passed' || rows[0]?.status === 'completed',
      'course activity satisfied',
    );
    expect(['passed', 'completed']).toContain(attempt.status);
    await context.close();
  }, 240_000);

  it('the player at 360 px: full screen, contents behind a button, no sideways scrolling', async () => {
    const course = await createScormCourse(browser, { file: sample('golf-scorm12-runtime-minimum-calls-multisco.zip') }, 'Golf di Ponsel');
    const { context, page } = await learnerPage(browser, PHONE);
    await openPlayer(page, course);
    await scoFrame(page, 'Playing/Playing.html');
    const frameBox = await page.locator('iframe.lp-frame').boundingBox();
    expect(frameBox!.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(frameBox!.height).toBeGreaterThan(PHONE.height * 0.7);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'pemutar-phone', { fullPage: false });
    await page.getByRole('button', { name: 'Daftar isi' }).click();
    await page.getByRole('navigation', { name: 'Daftar isi' }).getByRole('button', { name: /^Par\b/ }).click();
    await scoFrame(page, 'Playing/Par.html');
    await exitPlayer(page, course);
    await context.close();
  });
});

/** The quiz of a Golf sequencing package is its SCO's content frame. */
function golfQuizFrame(page: Page) {
  return golfContent(page);
}

/** Clicks Golf's "Next ->" until it is disabled (the SCO's last page, which completes it). */
async function golfNextUntilDisabled(page: Page): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    const next = sco(page).getByRole('button', { name: 'Next ->' });
    if (await next.isDisabled()) return;
    await golfNext(page, 1);
  }
  throw new Error('Golf never reached its last page');
}
