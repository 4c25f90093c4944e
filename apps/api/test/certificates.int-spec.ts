import { join } from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { statusBit } from '../src/modules/certificates/credentials/data-integrity';
import { CertificatePdfService } from '../src/modules/certificates/certificate-pdf.service';
import { CERTIFICATE_SUBSCRIBER } from '../src/modules/certificates/certificates.service';
import { Certificate } from '../src/modules/certificates/certificate.entities';
import { EnrolmentsService } from '../src/modules/enrolments/enrolments.service';
import { EventsService } from '../src/modules/events/events.service';
import { configOf } from './support/content';
import { aTemplate, binary, readPdf } from './support/certificates';
import { expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import { AgencyCast, PASSWORD, aCourse, aUser, aWorld, anEnrolment } from './factories/builders';

describe('certificates', () => {
  let t: TestApp;
  let semarang: AgencyCast;
  let ambon: AgencyCast;
  let admin: TestAgent;
  let otherAdmin: TestAgent;
  let templateId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ semarang, ambon } = await aWorld(t.db));
    admin = await t.signIn(semarang.admin.email, PASSWORD);
    otherAdmin = await t.signIn(ambon.admin.email, PASSWORD);
    templateId = await aTemplate(admin);
  });
  afterAll(() => t.close());

  const certificatesOf = (userId: string) => t.db.getRepository(Certificate).findBy({ userId });

  describe('automatic issue on course completion', () => {
    it('issues once when the course says so, through the durable course.completed event', async () => {
      const { course } = await aCourse(t.db).in(semarang.agency).jp(24).published().create();
      const learner = await aUser(t.db).in(semarang.agency).named('Đặng Thị Ngọc Ánh').create();
      const settings = await admin.put(`/api/courses/${course.id}/certificate-settings`).send({ autoIssue: true, templateId });
      expect(settings.status).toBe(200);
      expect(settings.body).toEqual({ courseId: course.id, autoIssue: true, templateId });
      const enrolment = await anEnrolment(t.db).of(learner).in(course).status('active').create();

      await t.app.get(EnrolmentsService).creditCourseCompletion(enrolment.id);
      // Nothing happens until the events are drained (a pg-boss worker in production).
      expect(await certificatesOf(learner.id)).toHaveLength(0);
      // Other features subscribe to the same event: count this feature's delivery.
      expect(await t.app.get(EventsService).drain()).toBeGreaterThanOrEqual(1);
      const deliveries = await t.db.query(
        `SELECT d.status FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id WHERE d.subscriber = $1 AND e.payload->>'enrolmentId' = $2`,
        [CERTIFICATE_SUBSCRIBER, enrolment.id],
      );
      expect(deliveries).toEqual([{ status: 'done' }]);
      const [issued] = await certificatesOf(learner.id);
      expect(issued).toMatchObject({ method: 'auto', status: 'valid', holderName: 'Đặng Thị Ngọc Ánh', jp: '24.00', enrolmentId: enrolment.id, idempotencyKey: `enrolment:${enrolment.id}` });

      // Completing again, and draining again, issue nothing more.
      await t.app.get(EnrolmentsService).creditCourseCompletion(enrolment.id);
      expect(await t.app.get(EventsService).drain()).toBe(0);
      expect(await certificatesOf(learner.id)).toHaveLength(1);
      const [note] = await t.db.query(`SELECT type, data FROM notifications WHERE user_id = $1`, [learner.id]);
      expect(note).toMatchObject({ type: 'certificate_issued', data: { certificateId: issued.id, certificateNumber: issued.number } });
    });

    it('issues nothing for a course without certificates', async () => {
      const { course } = await aCourse(t.db).in(semarang.agency).published().create();
      const learner = await aUser(t.db).in(semarang.agency).create();
      const enrolment = await anEnrolment(t.db).of(learner).in(course).status('active').create();
      await t.app.get(EnrolmentsService).creditCourseCompletion(enrolment.id);
      await t.app.get(EventsService).drain();
      expect(await certificatesOf(learner.id)).toHaveLength(0);
    });
  });

  describe('manual issue, numbering, scope', () => {
    it('issues to one learner, refuses a second valid one, and hides other agencies', async () => {
      const { course } = await aCourse(t.db).in(semarang.agency).published().create();
      const learner = await aUser(t.db).in(semarang.agency).create();
      const first = await admin.post('/api/certificates').send({ courseId: course.id, userId: learner.id, templateId });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: 'valid', method: 'manual', holder: { userId: learner.id }, templateVersion: 1 });
      expect(first.body.number).toMatch(new RegExp(`^SERT/\\d{4}/${semarang.agency.code}/\\d{6}$`));
      expect(first.body.verificationCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expectApiError(await admin.post('/api/certificates').send({ courseId: course.id, userId: learner.id, templateId }), 409, 'CERTIFICATE_EXISTS');

      // Another agency's admin can neither issue to this learner nor revoke the certificate, nor see it.
      expectApiError(await otherAdmin.post('/api/certificates').send({ courseId: course.id, userId: learner.id, templateId }), 404, 'NOT_FOUND');
      expectApiError(await otherAdmin.post(`/api/certificates/${first.body.id}/revoke`).send({ reason: 'Coba' }), 404, 'NOT_FOUND');
      expectApiError(await otherAdmin.get(`/api/certificates/${first.body.id}/pdf`), 404, 'NOT_FOUND');
      expect((await otherAdmin.get('/api/certificates')).body.items.map((c: { id: string }) => c.id)).not.toContain(first.body.id);
      expect((await t.db.getRepository(Certificate).findOneByOrFail({ id: first.body.id })).status).toBe('valid');
      // Nor can a learner issue.
      const learnerAgent = await t.signIn(learner.email, PASSWORD);
      expectApiError(await learnerAgent.post('/api/certificates').send({ courseId: course.id, userId: learner.id, templateId }), 403, 'FORBIDDEN');
    });

    it('numbers concurrent issues without gaps or duplicates', async () => {
      const { course } = await aCourse(t.db).in(semarang.agency).published().create();
      const learners = await Promise.all(Array.from({ length: 16 }, () => aUser(t.db).in(semarang.agency).create()));
      const responses = await Promise.all(learners.map((l) => admin.post('/api/certificates').send({ courseId: course.id, userId: l.id, templateId })));
      expect(responses.map((r) => r.status)).toEqual(learners.map(() => 201));
      const rows: { number: string; status_index: number }[] = await t.db.query(`SELECT number, status_index FROM certificates WHERE agency_id = $1 ORDER BY number`, [semarang.agency.id]);
      const seqs = rows.map((r) => Number(r.number.split('/').pop()));
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(new Set(rows.map((r) => r.status_index)).size).toBe(rows.length);
    });
  });

  describe('PDF, verification, credential, revocation', () => {
    let certificate: { id: string; number: string; verificationCode: string; verificationUrl: string };
    let holder: TestAgent;
    const name = 'Ñoman Ṡurya Wijayakusuma Çelik Жанна';

    beforeAll(async () => {
      const { course } = await aCourse(t.db).in(semarang.agency).titled('Pelatihan Kepemimpinan Pengawas').jp(36).published().create();
      const learner = await aUser(t.db).in(semarang.agency).named(name).withNip('198701012010011001').create();
      holder = await t.signIn(learner.email, PASSWORD);
      certificate = (await admin.post('/api/certificates').send({ courseId: course.id, userId: learner.id, templateId, completedOn: '2026-10-01' })).body;
    });

    it('renders a PDF whose text states the certificate and whose QR code leads to the verification page', async () => {
      const res = await holder.get(`/api/certificates/${certificate.id}/pdf`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const { text, qr } = await readPdf(res.body, join(__dirname, '../../../e2e/artifacts/certificate-pdf.png'));
      for (const expected of [name, certificate.number, 'Pelatihan Kepemimpinan Pengawas', 'NIP 198701012010011001', semarang.agency.name, '36 Jam Pelajaran', '1 Oktober 2026']) expect(text).toContain(expected);
      expect(qr).toBe(`${configOf(t.app).certificates.publicUrl}/verify/${certificate.verificationCode}`);
      expect(certificate.verificationUrl).toBe(qr);
      // Deterministic: rendering again gives the same bytes.
      const row = await t.db.getRepository(Certificate).findOneByOrFail({ id: certificate.id });
      const again = Buffer.from(await t.app.get(CertificatePdfService).render(row));
      expect(again.equals(res.body)).toBe(true);
      // The admin of the agency may download it too; the holder lists it.
      expect((await admin.get(`/api/certificates/${certificate.id}/pdf`)).status).toBe(200);
      expect((await holder.get('/api/me/certificates')).body.items.map((c: { id: string }) => c.id)).toEqual([certificate.id]);
    });

    it('shows the public verification page with a masked NIP, and says when a code is unknown', async () => {
      const res = await t.anonymous().get(`/api/verify/${certificate.verificationCode}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ number: certificate.number, holderName: name, maskedNip: '1987••••••••••1001', courseTitle: 'Pelatihan Kepemimpinan Pengawas', jp: 36, status: 'valid', revocationReason: null, issuer: { name: semarang.agency.name } });
      expect(JSON.stringify(res.body)).not.toContain('198701012010011001');
      expectApiError(await t.anonymous().get('/api/verify/TidakAdaKodeSepertiIni'), 404, 'NOT_FOUND');
    });

    it('verifies the Open Badges credential, and rejects a tampered one', async () => {
      const { body: vc } = await holder.get(`/api/certificates/${certificate.id}/credential`);
      expect(vc['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
      expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
      expect(vc.credentialSubject.achievement).toMatchObject({ type: ['Achievement'], name: 'Pelatihan Kepemimpinan Pengawas', criteria: { narrative: expect.stringContaining('36') } });
      expect(vc.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022' });
      expect(JSON.stringify(vc)).not.toContain('198701012010011001');

      const ok = await t.anonymous().post('/api/credentials/verify').send(vc);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ verified: true, status: 'valid', certificateNumber: certificate.number });

      const tampered = { ...vc, credentialSubject: { ...vc.credentialSubject, name: 'Orang Lain' } };
      const bad = await t.anonymous().post('/api/credentials/verify').send(tampered);
      expect(bad.body.verified).toBe(false);
      expect(bad.body.checks.find((c: { check: string }) => c.check === 'signature')).toEqual({ check: 'signature', ok: false, message: 'signature does not match' });

      // The key is published at the well-known list and resolves from the proof.
      const keys = await t.anonymous().get('/api/credentials/keys');
      expect(keys.body.keys.map((k: { id: string }) => k.id)).toContain(vc.proof.verificationMethod);
    });

    it('revocation shows on the page, in the status list and in the credential check; the holder is told', async () => {
      const { body: vc } = await holder.get(`/api/certificates/${certificate.id}/credential`);
      expectApiError(await admin.post(`/api/certificates/${certificate.id}/revoke`).send({ reason: '' }), 400, 'VALIDATION_FAILED', 'reason');
      const res = await admin.post(`/api/certificates/${certificate.id}/revoke`).send({ reason: 'Salah nama' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'revoked', revocationReason: 'Salah nama' });
      expectApiError(await admin.post(`/api/certificates/${certificate.id}/revoke`).send({ reason: 'Lagi' }), 409, 'CERTIFICATE_REVOKED');

      expect((await t.anonymous().get(`/api/verify/${certificate.verificationCode}`)).body).toMatchObject({ status: 'revoked', revocationReason: 'Salah nama' });
      const list = await t.anonymous().get(`/api/credentials/status/${semarang.agency.id}`);
      expect(list.body.type).toContain('BitstringStatusListCredential');
      expect(statusBit(list.body.credentialSubject.encodedList, Number(vc.credentialStatus.statusListIndex))).toBe(true);
      const check = await t.anonymous().post('/api/credentials/verify').send(vc);
      expect(check.body).toMatchObject({ verified: false, status: 'revoked' });
      expect(check.body.checks.find((c: { check: string }) => c.check === 'signature').ok).toBe(true);

      const [audit] = await t.db.query(`SELECT action, actor_id, reason FROM certificate_audit WHERE certificate_id = $1 AND action = 'revoked'`, [certificate.id]);
      expect(audit).toEqual({ action: 'revoked', actor_id: semarang.admin.id, reason: 'Salah nama' });
      const notes: { type: string }[] = await t.db.query(`SELECT type FROM notifications WHERE data->>'certificateId' = $1 ORDER BY created_at`, [certificate.id]);
      expect(notes.map((n) => n.type)).toEqual(['certificate_issued', 'certificate_revoked']);
      // The PDF stays downloadable (it is the document that was issued); the page says it is revoked.
      expect((await holder.get(`/api/certificates/${certificate.id}/pdf`)).status).toBe(200);
    });
  });

  it('rotating the agency key signs new credentials with the new key; old ones keep verifying', async () => {
    const { course } = await aCourse(t.db).in(semarang.agency).published().create();
    const [a, b] = [await aUser(t.db).in(semarang.agency).create(), await aUser(t.db).in(semarang.agency).create()];
    const before = (await admin.post('/api/certificates').send({ courseId: course.id, userId: a.id, templateId })).body;
    const oldVc = (await admin.get(`/api/certificates/${before.id}/credential`)).body;
    const rotated = await admin.post('/api/certificate-keys/rotate').send({});
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ type: 'Multikey', active: true, agencyId: semarang.agency.id });
    const after = (await admin.post('/api/certificates').send({ courseId: course.id, userId: b.id, templateId })).body;
    const newVc = (await admin.get(`/api/certificates/${after.id}/credential`)).body;
    expect(newVc.proof.verificationMethod).toBe(rotated.body.id);
    expect(oldVc.proof.verificationMethod).not.toBe(rotated.body.id);
    for (const vc of [oldVc, newVc]) expect((await t.anonymous().post('/api/credentials/verify').send(vc)).body.verified).toBe(true);
    const keys = (await t.anonymous().get('/api/credentials/keys')).body.keys.filter((k: { agencyId: string }) => k.agencyId === semarang.agency.id);
    expect(keys.map((k: { active: boolean }) => k.active).sort()).toEqual([false, true]);
    // The private keys are stored sealed, never in clear.
    const [row] = await t.db.query(`SELECT private_key_encrypted FROM issuer_keys WHERE active AND agency_id = $1`, [semarang.agency.id]);
    expect(row.private_key_encrypted.includes(Buffer.from('302e020100300506032b6570', 'hex'))).toBe(false);
  });

  it('rate-limits public verification per client address', async () => {
    const limited = await createTestApp({ VERIFY_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await limited.anonymous().get('/api/verify/TidakAdaKodeSepertiIni')).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});
