import { createServer, type Server, type Socket } from 'node:net';
import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aCohort, aCourse, aDevelopmentLog, aSession, aUser, aWorld, anAgency, anEnrolment, aUnit, day, enrolmentPolicy } from './factories/builders';
import { expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import { OBJECT_STORAGE } from '../src/modules/storage/object-storage';
import { EVENTS_QUEUE } from '../src/modules/events/events.service';
import { JobsService, JOBS } from '../src/modules/notifications/jobs.service';
import { MailOutbox } from '../src/modules/notifications/mail-outbox';
import { RemindersService } from '../src/modules/notifications/reminders.service';
import { Unit } from '../src/modules/units/unit.entity';
import type { User } from '../src/modules/users/user.entity';

// jest.config's per-project testTimeout is not applied by jest-circus (it reads the global one); a busy machine needs more than 5 s.
jest.setTimeout(30_000);

/** A minimal SMTP server that accepts every message and keeps what it received. */
function anSmtpServer(): Promise<{ server: Server; port: number; messages: string[] }> {
  const messages: string[] = [];
  const server = createServer((socket: Socket) => {
    let data = false;
    let buffer = '';
    let message = '';
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 uji ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let eol: number;
      while ((eol = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, eol);
        buffer = buffer.slice(eol + 2);
        if (data) {
          if (line === '.') {
            data = false;
            messages.push(message);
            message = '';
            reply('250 OK');
          } else message += `${line}\n`;
        } else if (/^(EHLO|HELO)/i.test(line)) reply('250 uji');
        else if (/^DATA/i.test(line)) {
          data = true;
          reply('354 go on');
        } else if (/^QUIT/i.test(line)) {
          reply('221 bye');
          socket.end();
        } else reply('250 OK');
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, messages })));
}

describe('notifications', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let admin: TestAgent;
  let head: User;
  let headAgent: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    head = await aUser(t.db).in(world.semarang.agency).at(world.semarang.unit).named('Kepala Dinas').create();
    await t.db.getRepository(Unit).update({ id: world.semarang.unit.id }, { headUserId: head.id });
    headAgent = await t.signIn(head.email, PASSWORD);
  });
  afterAll(() => t.close());

  const aLearner = async () => {
    const user = await aUser(t.db).in(world.semarang.agency).at(world.semarang.subUnit).create();
    return { user, agent: await t.signIn(user.email, PASSWORD) };
  };
  const typesOf = async (userId: string) =>
    (await t.db.query('SELECT type, data FROM notifications WHERE user_id = $1 ORDER BY created_at, id', [userId])) as { type: string; data: Record<string, unknown> }[];

  describe('events', () => {
    it('[learner] asking for a place tells the heads above them; approving tells the learner, in their bell', async () => {
      const { user, agent } = await aLearner();
      const { course } = await aCourse(t.db).in(world.semarang.agency).titled('Manajemen Risiko').withActivity('page').published().create();
      await enrolmentPolicy(t.db, course, 'approval');
      const request = (await agent.post('/api/enrolments').send({ courseId: course.id })).body;
      expect(await typesOf(head.id)).toContainEqual({ type: 'approval_needed', data: expect.objectContaining({ kind: 'enrolment', courseTitle: 'Manajemen Risiko', enrolmentId: request.id, learnerName: user.name }) });
      await headAgent.post(`/api/enrolments/${request.id}/approve`).send({ reason: 'Silakan' });
      const bell = await agent.get('/api/me/notifications');
      expect(bell.body).toMatchObject({ total: 1, unreadCount: 1, items: [{ type: 'approval_decided', readAt: null, data: { decision: 'approved', reason: 'Silakan', courseTitle: 'Manajemen Risiko' } }] });
      expect((await agent.get('/api/me/notifications/unread-count')).body).toEqual({ count: 1 });
    });

    it('[learner] in an agency whose units have no heads: the agency admins are told', async () => {
      const agency = await anAgency(t.db);
      const unit = await aUnit(t.db, agency);
      const agencyAdmin = await aUser(t.db).in(agency).at(unit).withRoles('agency_admin').create();
      const learner = await aUser(t.db).in(agency).at(unit).create();
      const { course } = await aCourse(t.db).in(agency).withActivity('page').published().create();
      await enrolmentPolicy(t.db, course, 'approval');
      await (await t.signIn(learner.email, PASSWORD)).post('/api/enrolments').send({ courseId: course.id });
      expect((await typesOf(agencyAdmin.id)).map((n) => n.type)).toEqual(['approval_needed']);
    });

    it('[agency admin] a bulk enrolment tells each person enrolled or waitlisted, not those already enrolled', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).titled('Orientasi').withActivity('page').published().create();
      const cohort = await aCohort(t.db, course).named('Angkatan I').capacity(1).create();
      const [a, b, c] = [await aLearner(), await aLearner(), await aLearner()];
      await anEnrolment(t.db).of(c.user).inCohort(cohort).status('withdrawn').create();
      await admin.post(`/api/courses/${course.id}/enrolments/bulk`).send({ by: 'users', userIds: [a.user.id, b.user.id], cohortId: cohort.id });
      expect(await typesOf(a.user.id)).toEqual([{ type: 'enrolled', data: expect.objectContaining({ status: 'approved', courseTitle: 'Orientasi', cohortName: 'Angkatan I' }) }]);
      expect(await typesOf(b.user.id)).toEqual([{ type: 'enrolled', data: expect.objectContaining({ status: 'waitlisted' }) }]);
      await admin.post(`/api/courses/${course.id}/enrolments/bulk`).send({ by: 'users', userIds: [a.user.id], cohortId: cohort.id });
      expect(await typesOf(a.user.id)).toHaveLength(1);
    });

    it('[learner] withdrawing tells the first on the waitlist that the seat is theirs', async () => {
      const { course } = await aCourse(t.db).in(world.semarang.agency).withActivity('page').published().create();
      const cohort = await aCohort(t.db, course).capacity(1).create();
      const [seated, waiting] = [await aLearner(), await aLearner()];
      const seat = await anEnrolment(t.db).of(seated.user).inCohort(cohort).create();
      await anEnrolment(t.db).of(waiting.user).inCohort(cohort).status('waitlisted').create();
      await seated.agent.post(`/api/enrolments/${seat.id}/withdraw`).send({});
      expect(await typesOf(waiting.user.id)).toEqual([{ type: 'waitlist_promoted', data: expect.objectContaining({ status: 'approved', cohortId: cohort.id }) }]);
    });

    it('[learner] a development log tells the approvers; the decision tells the learner', async () => {
      const { user, agent } = await aLearner();
      const res = await agent
        .post('/api/me/development-logs')
        .field('form', 'mentoring')
        .field('title', 'Mentoring analisis data')
        .field('startedOn', day(-3))
        .field('endedOn', day(-2))
        .field('jp', '5')
        .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'bukti.pdf');
      expect(await typesOf(head.id)).toContainEqual({ type: 'approval_needed', data: expect.objectContaining({ kind: 'development_log', logId: res.body.id, jp: 5 }) });
      await admin.post(`/api/development-logs/${res.body.id}/reject`).send({ reason: 'Bukti tidak lengkap' });
      expect(await typesOf(user.id)).toEqual([{ type: 'log_decided', data: expect.objectContaining({ decision: 'rejected', reason: 'Bukti tidak lengkap', logTitle: 'Mentoring analisis data' }) }]);
      const log = await aDevelopmentLog(t.db, t.app.get(OBJECT_STORAGE)).of(user).create();
      await headAgent.post(`/api/development-logs/${log.id}/approve`).send({});
      expect((await typesOf(user.id)).map((n) => n.data.decision)).toEqual(['rejected', 'approved']);
    });
  });

  describe('the bell', () => {
    it("[learner] marks one read, then all; someone else's notification is a 404", async () => {
      const { user, agent } = await aLearner();
      await t.db.query(`INSERT INTO notifications (user_id, type, data) VALUES ($1, 'enrolled', '{}'), ($1, 'enrolled', '{}'), ($1, 'enrolled', '{}')`, [user.id]);
      const list = await agent.get('/api/me/notifications');
      const first = list.body.items[0].id;
      const read = await agent.post(`/api/me/notifications/${first}/read`);
      expect(read.body.readAt).toEqual(expect.any(String));
      expect((await agent.post(`/api/me/notifications/${first}/read`)).body.readAt).toBe(read.body.readAt);
      expect((await agent.get('/api/me/notifications').query({ unreadOnly: 'true' })).body).toMatchObject({ total: 2, unreadCount: 2 });
      expect((await agent.post('/api/me/notifications/read-all')).body).toEqual({ count: 2 });
      expect((await agent.get('/api/me/notifications/unread-count')).body).toEqual({ count: 0 });
      const other = await aLearner();
      expectApiError(await other.agent.post(`/api/me/notifications/${first}/read`), 404, 'NOT_FOUND');
    });
  });

  describe('daily reminders', () => {
    it('[scheduler] reminds of a cohort starting soon, a deadline approaching and a session tomorrow, once however often it runs', async () => {
      const { user } = await aLearner();
      const built = await aCourse(t.db).in(world.semarang.agency).titled('Klasikal Kepemimpinan').withActivity('classroom').published().create();
      const soon = await aCohort(t.db, built.course).named('Angkatan Segera').startingIn(2, 5).create();
      await anEnrolment(t.db).of(user).inCohort(soon).deadline(day(5)).create();
      await aSession(t.db, built.activities[0]).forCohort(soon).titled('Pembukaan').at(new Date(`${day(1)}T08:00:00+07:00`), new Date(`${day(1)}T10:00:00+07:00`)).create();
      const reminders = t.app.get(RemindersService);
      const first = await reminders.runDaily();
      expect(first).toMatchObject({ cohortStartsSoon: expect.any(Number), deadlineApproaching: expect.any(Number), sessionTomorrow: expect.any(Number) });
      expect((await typesOf(user.id)).map((n) => n.type).sort()).toEqual(['cohort_starts_soon', 'deadline_approaching', 'session_tomorrow']);
      expect((await typesOf(user.id)).find((n) => n.type === 'session_tomorrow')!.data).toMatchObject({ sessionTitle: 'Pembukaan', startsAt: new Date(`${day(1)}T01:00:00Z`).toISOString() });
      await reminders.runDaily();
      expect(await typesOf(user.id)).toHaveLength(3);
    });

    it('[scheduler] expires enrolments past their deadline in the same run', async () => {
      const { user } = await aLearner();
      const { course } = await aCourse(t.db).in(world.semarang.agency).published().create();
      const late = await anEnrolment(t.db).of(user).in(course).deadline(day(-1)).create();
      expect((await t.app.get(RemindersService).runDaily()).expired).toBeGreaterThanOrEqual(1);
      expect((await t.db.query('SELECT status FROM enrolments WHERE id = $1', [late.id]))[0].status).toBe('expired');
    });
  });

  describe('email outbox', () => {
    it('[platform] without SMTP_URL writes each email to the log once and marks it sent', async () => {
      const { user } = await aLearner();
      await t.db.query(`INSERT INTO notifications (user_id, type, data) VALUES ($1, 'enrolled', '{"courseTitle": "Orientasi"}')`, [user.id]);
      const outbox = t.app.get(MailOutbox);
      const first = await outbox.flush();
      expect(first.logged).toBeGreaterThanOrEqual(1);
      expect(first.sent).toBe(0);
      expect((await t.db.query('SELECT emailed_at FROM notifications WHERE user_id = $1', [user.id]))[0].emailed_at).toEqual(expect.any(Date));
      expect(await outbox.flush()).toEqual({ sent: 0, logged: 0, failed: 0 });
    });

    it('[platform] with SMTP_URL sends through the SMTP server, in Indonesian', async () => {
      const smtp = await anSmtpServer();
      const mailed = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'BKPSDM <bkpsdm@uji.go.id>' });
      try {
        const { semarang } = await aWorld(mailed.db);
        await mailed.db.query(`INSERT INTO notifications (user_id, type, data) VALUES ($1, 'approval_decided', '{"courseTitle": "Orientasi", "decision": "approved"}')`, [semarang.learner.id]);
        expect(await mailed.app.get(MailOutbox).flush()).toEqual({ sent: 1, logged: 0, failed: 0 });
        expect(smtp.messages).toHaveLength(1);
        expect(smtp.messages[0]).toContain(`To: ${semarang.learner.name} <${semarang.learner.email}>`);
        expect(smtp.messages[0]).toContain('Pendaftaran Anda pada Orientasi telah disetujui.');
        expect(smtp.messages[0]).toContain('From: BKPSDM <bkpsdm@uji.go.id>');
        expect(smtp.messages[0]).toContain('Subject: [Asah] Disetujui: Orientasi');
      } finally {
        await mailed.close();
        smtp.server.close();
      }
    });
  });

  describe('jobs in PostgreSQL', () => {
    it('[platform] with jobs on, pg-boss schedules the daily reminders (07:00 WIB) and the outbox, and runs a job sent to it', async () => {
      const withJobs = await createTestApp({ JOBS_ENABLED: 'true' });
      try {
        const jobs = withJobs.app.get(JobsService);
        const boss = jobs.queue!;
        expect(boss).not.toBeNull();
        const schedules = await boss.getSchedules();
        expect(schedules.map((s) => [s.name, s.cron, s.options?.tz ?? null]).sort()).toEqual([
          [JOBS.daily, '0 7 * * *', 'Asia/Jakarta'],
          // The domain-events drain's safety net (the events module), beside this module's two.
          [EVENTS_QUEUE, '* * * * *', null],
          [JOBS.mail, '* * * * *', null],
        ]);
        const { semarang } = await aWorld(withJobs.db);
        await withJobs.db.query(`INSERT INTO notifications (user_id, type, data) VALUES ($1, 'enrolled', '{}')`, [semarang.learner.id]);
        await boss.send(JOBS.mail, {});
        const deadline = Date.now() + 20_000;
        let emailed = null;
        while (!emailed && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 250));
          [{ emailed_at: emailed }] = await withJobs.db.query('SELECT emailed_at FROM notifications WHERE user_id = $1', [semarang.learner.id]);
        }
        expect(emailed).toEqual(expect.any(Date));
      } finally {
        await withJobs.close();
      }
    });
  });
});
