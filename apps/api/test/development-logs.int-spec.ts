import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { A_PDF, PASSWORD, aDevelopmentLog, aUser, aWorld, day } from './factories/builders';
import { A_PNG } from './support/content';
import { countRows, snapshot } from './support/db-snapshot';
import { detailFor, expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import { APP_CONFIG, type AppConfig } from '../src/config/app-config';
import { OBJECT_STORAGE, type ObjectStorage } from '../src/modules/storage/object-storage';
import { Unit } from '../src/modules/units/unit.entity';
import type { User } from '../src/modules/users/user.entity';

// jest.config's per-project testTimeout is not applied by jest-circus (it reads the global one); a busy machine needs more than 5 s.
jest.setTimeout(30_000);

/** Non-classroom development logged by learners with a proof, decided by their approvers, credited as JP. */
describe('development logs', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let storage: ObjectStorage;
  let head: User;
  let headAgent: TestAgent;
  let admin: TestAgent;
  let ambonAdmin: TestAgent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    storage = t.app.get(OBJECT_STORAGE);
    head = await aUser(t.db).in(world.semarang.agency).at(world.semarang.unit).named('Kepala Dinas').create();
    await t.db.getRepository(Unit).update({ id: world.semarang.unit.id }, { headUserId: head.id });
    headAgent = await t.signIn(head.email, PASSWORD);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
  });
  afterAll(() => t.close());

  /** A learner of Bidang Pelayanan Kesehatan (under the head of Dinas Kesehatan) with a session. */
  const aLearner = async () => {
    const user = await aUser(t.db).in(world.semarang.agency).at(world.semarang.subUnit).create();
    return { user, agent: await t.signIn(user.email, PASSWORD) };
  };
  const fields = { form: 'coaching', title: 'Coaching kepemimpinan', organiser: 'BPSDM Jawa Tengah', startedOn: day(-10), endedOn: day(-9) };
  const submit = (agent: TestAgent, values: Record<string, string>, file: Buffer | null = A_PDF, name = 'sertifikat.pdf') => {
    const req = agent.post('/api/me/development-logs');
    for (const [k, v] of Object.entries(values)) req.field(k, v);
    return file ? req.attach('file', file, name) : req;
  };
  /** Proof files in local storage. */
  const proofObjects = () => {
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const dir = join(config.storage.driver === 'local' ? config.storage.root : '', 'proofs');
    return existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0;
  };

  describe('logging', () => {
    it('[learner] logs coaching with hours and a PDF proof: JP at 45 minutes each, waiting for approval', async () => {
      const { user, agent } = await aLearner();
      const res = await submit(agent, { ...fields, hours: '3', description: 'Tiga sesi dengan mentor' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        userId: user.id,
        form: 'coaching',
        family: 'non_klasikal',
        title: 'Coaching kepemimpinan',
        organiser: 'BPSDM Jawa Tengah',
        hours: 3,
        jp: 4,
        status: 'submitted',
        proof: { fileName: 'sertifikat.pdf', contentType: 'application/pdf', sizeBytes: A_PDF.length },
        decidedBy: null,
      });
      expect((await agent.get('/api/me/development-logs')).body).toMatchObject({ total: 1, items: [{ id: res.body.id }] });
      expect((await agent.get('/api/me/jp')).body.earned).toBe(0);
    });

    it('[learner] hours round down to a quarter JP; JP stated on a certificate are taken as they are', async () => {
      const { agent } = await aLearner();
      expect((await submit(agent, { ...fields, hours: '2' })).body.jp).toBe(2.5);
      expect((await submit(agent, { ...fields, form: 'seminar', jp: '8' }, A_PNG, 'foto.png')).body).toMatchObject({ jp: 8, hours: null, family: 'klasikal', proof: { contentType: 'image/png' } });
    });

    it('[learner] a proof that is not a document or an image is refused, and nothing is stored', async () => {
      const { agent } = await aLearner();
      const before = await snapshot(t.db);
      const objects = proofObjects();
      expect(objects).toBeGreaterThan(0);
      for (const [bytes, name] of [
        [Buffer.from('MZ\x90\x00binary'), 'sertifikat.pdf'],
        [Buffer.from('<html><script>alert(1)</script></html>'), 'sertifikat.html'],
        [Buffer.from('hanya teks'), 'catatan.txt'],
        [Buffer.from('PK\x03\x04bukan word'), 'arsip.zip'],
      ] as const) {
        const res = await submit(agent, { ...fields, jp: '2' }, bytes, name);
        expectApiError(res, 400, 'UPLOAD_INVALID', 'file');
        expect(detailFor(res, 'file')?.code).toBe('PROOF_TYPE');
      }
      expectApiError(await submit(agent, { ...fields, jp: '2' }, null), 400, 'UPLOAD_INVALID', 'file');
      expect(await snapshot(t.db)).toEqual(before);
      expect(proofObjects()).toBe(objects);
    });

    it('[learner] bad fields are refused by name: both or neither of hours and JP, dates out of order or in the future, an unknown form', async () => {
      const { agent } = await aLearner();
      const before = await snapshot(t.db);
      expectApiError(await submit(agent, { ...fields }), 400, 'VALIDATION_FAILED', 'jp');
      expectApiError(await submit(agent, { ...fields, jp: '2', hours: '2' }), 400, 'VALIDATION_FAILED', 'jp');
      expectApiError(await submit(agent, { ...fields, jp: '2', startedOn: day(-1), endedOn: day(-3) }), 400, 'VALIDATION_FAILED', 'endedOn');
      expectApiError(await submit(agent, { ...fields, jp: '2', endedOn: day(1) }), 400, 'VALIDATION_FAILED', 'endedOn');
      expectApiError(await submit(agent, { ...fields, jp: '2', form: 'liburan' }), 400, 'VALIDATION_FAILED', 'form');
      expectApiError(await submit(agent, { ...fields, jp: '-1' }), 400, 'VALIDATION_FAILED', 'jp');
      expectApiError(await submit(agent, { ...fields, hours: '0.1' }), 400, 'VALIDATION_FAILED', 'hours');
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[learner] a proof over 10 MiB is refused with 413', async () => {
      const { agent } = await aLearner();
      const big = Buffer.concat([A_PDF, Buffer.alloc(10 * 1024 * 1024)]);
      expectApiError(await submit(agent, { ...fields, jp: '2' }, big), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('[learner] withdraws a log still waiting; a decided one stays', async () => {
      const { user, agent } = await aLearner();
      const log = await aDevelopmentLog(t.db, storage).of(user).create();
      expect((await agent.post(`/api/development-logs/${log.id}/withdraw`)).body.status).toBe('withdrawn');
      expectApiError(await headAgent.post(`/api/development-logs/${log.id}/approve`).send({}), 409, 'ALREADY_DECIDED');
      const decided = await aDevelopmentLog(t.db, storage).of(user).status('approved').create();
      expectApiError(await agent.post(`/api/development-logs/${decided.id}/withdraw`), 409, 'ALREADY_DECIDED');
      const other = await aLearner();
      expectApiError(await other.agent.post(`/api/development-logs/${log.id}/withdraw`), 404, 'NOT_FOUND');
    });
  });

  describe('deciding', () => {
    it('[unit head] sees the log of someone in a sub-unit, approves it: the JP count in the year the activity ended', async () => {
      const { user, agent } = await aLearner();
      const log = await aDevelopmentLog(t.db, storage).of(user).jp(6).endedOn('2025-12-31').create();
      const queue = await headAgent.get('/api/development-logs');
      expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(log.id);
      const res = await headAgent.post(`/api/development-logs/${log.id}/approve`).send({ reason: 'Sesuai' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'approved', decidedBy: head.id, decisionReason: 'Sesuai', learner: { id: user.id } });
      const y2025 = await agent.get('/api/me/jp').query({ year: 2025 });
      expect(y2025.body).toMatchObject({ earned: 6 });
      expect(y2025.body.entries[0]).toMatchObject({ sourceType: 'non_classroom', sourceId: log.id, occurredOn: '2025-12-31' });
      expectApiError(await headAgent.post(`/api/development-logs/${log.id}/approve`).send({}), 409, 'ALREADY_DECIDED');
      expect(await countRows(t.db, 'jp_ledger_entries', 'source_id = $1', [log.id])).toBe(1);
    });

    it('[agency admin] rejects with a reason (required); no JP', async () => {
      const { user, agent } = await aLearner();
      const log = await aDevelopmentLog(t.db, storage).of(user).create();
      expectApiError(await admin.post(`/api/development-logs/${log.id}/reject`).send({}), 400, 'VALIDATION_FAILED', 'reason');
      const res = await admin.post(`/api/development-logs/${log.id}/reject`).send({ reason: 'Bukti tidak terbaca' });
      expect(res.body).toMatchObject({ status: 'rejected', decisionReason: 'Bukti tidak terbaca' });
      expect((await agent.get('/api/me/development-logs').query({ status: 'rejected' })).body.total).toBe(1);
      expect(await countRows(t.db, 'jp_ledger_entries', 'source_id = $1', [log.id])).toBe(0);
    });

    it('[unit head] cannot decide their own log', async () => {
      const log = await aDevelopmentLog(t.db, storage).of(head).create();
      expectApiError(await headAgent.post(`/api/development-logs/${log.id}/approve`).send({}), 403, 'NOT_APPROVER');
      expect((await headAgent.get('/api/development-logs')).body.items.map((i: { id: string }) => i.id)).not.toContain(log.id);
    });

    it("[Ambon agency admin] neither sees, decides nor downloads Semarang's logs", async () => {
      const { user } = await aLearner();
      const log = await aDevelopmentLog(t.db, storage).of(user).create();
      const before = await snapshot(t.db);
      expect((await ambonAdmin.get('/api/development-logs')).body.items.map((i: { id: string }) => i.id)).not.toContain(log.id);
      expectApiError(await ambonAdmin.post(`/api/development-logs/${log.id}/approve`).send({}), 404, 'NOT_FOUND');
      expectApiError(await ambonAdmin.get(`/api/development-logs/${log.id}/proof`), 404, 'NOT_FOUND');
      expect(await snapshot(t.db)).toEqual(before);
    });
  });

  describe('proof', () => {
    it('[learner and approver] download the proof as an attachment; another learner gets a 404', async () => {
      const { user, agent } = await aLearner();
      const log = await aDevelopmentLog(t.db, storage).of(user).create();
      for (const who of [agent, headAgent, admin]) {
        const res = await who.get(`/api/development-logs/${log.id}/proof`).buffer(true).parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toBe("attachment; filename*=UTF-8''sertifikat.pdf");
        expect(Buffer.compare(res.body as Buffer, A_PDF)).toBe(0);
      }
      const stranger = await aLearner();
      expectApiError(await stranger.agent.get(`/api/development-logs/${log.id}/proof`), 404, 'NOT_FOUND');
    });
  });
});
