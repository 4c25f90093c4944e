import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aNip, aPosition, aUnit, aUser, aUserRequest, aWorld, anAgency } from './factories/builders';
import { detailFor, expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

describe('users', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let semarangAdmin: TestAgent;
  let platformAdmin: TestAgent;
  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    semarangAdmin = await t.signIn(world.semarang.admin.email, PASSWORD);
    platformAdmin = await t.signIn(world.platformAdmin.email, PASSWORD);
  });
  afterAll(() => t.close());

  const login = (identifier: string, password: string) => t.anonymous().post('/api/auth/login').send({ identifier, password });

  describe('listing', () => {
    // An agency of its own, so the counts below do not depend on other tests.
    let admin: TestAgent;
    let ids: Record<'ani' | 'budi' | 'citra' | 'dedi' | 'eko', string>;
    let org: { dinkes: string; yankes: string; setda: string; kasi: string; staf: string; agencyId: string };

    beforeAll(async () => {
      const agency = await anAgency(t.db, { name: 'Pemerintah Kota Serang' });
      const dinkes = await aUnit(t.db, agency, { name: 'Dinas Kesehatan' });
      const yankes = await aUnit(t.db, agency, { name: 'Bidang Pelayanan Kesehatan', parent: dinkes });
      const setda = await aUnit(t.db, agency, { name: 'Sekretariat Daerah' });
      const kasi = await aPosition(t.db, agency, { type: 'pengawas', name: 'Kepala Seksi' });
      const staf = await aPosition(t.db, agency, { type: 'pelaksana', name: 'Pengadministrasi' });
      org = { dinkes: dinkes.id, yankes: yankes.id, setda: setda.id, kasi: kasi.id, staf: staf.id, agencyId: agency.id };
      ids = {
        ani: (await aUser(t.db).in(agency).at(dinkes).holding(kasi).named('Ani Suryani', 'ani.suryani@serangkota.go.id').withNip('198001012005012001').create()).id,
        budi: (await aUser(t.db).in(agency).at(yankes).holding(staf).named('Budi Hartono', 'budi.h@serangkota.go.id').pppk().withRoles('learner', 'instructor').create()).id,
        citra: (await aUser(t.db).in(agency).at(yankes).holding(staf).named('Citra Lestari', 'citra@serangkota.go.id').inactive().create()).id,
        dedi: (await aUser(t.db).in(agency).at(setda).named('Dedi Kurniawan', 'dedi@serangkota.go.id').withRoles('agency_admin', 'learner').create()).id,
        eko: (await aUser(t.db).in(agency).at(setda).named('Eko Prasetyo', 'eko@serangkota.go.id').create()).id,
      };
      // A namesake in another agency must never appear.
      await aUser(t.db).in(world.ambon.agency).named('Ani Suryani Ambon', 'ani@ambon.go.id').create();
      admin = await t.signIn('dedi@serangkota.go.id', PASSWORD);
    });

    const list = async (query: Record<string, string | number | boolean>) => {
      const res = await admin.get('/api/users').query(query);
      expect(res.status).toBe(200);
      return res.body as { items: { id: string; name: string; nip: string | null }[]; total: number; page: number; pageSize: number };
    };
    const idsOf = (page: { items: { id: string }[] }) => page.items.map((u) => u.id).sort();

    it('[agency admin] searches by part of a name, in any case', async () => {
      expect(idsOf(await list({ q: 'suRYani' }))).toEqual([ids.ani]);
    });

    it('[agency admin] searches by part of an email', async () => {
      expect(idsOf(await list({ q: 'budi.h@' }))).toEqual([ids.budi]);
    });

    it('[agency admin] searches by a fragment of a NIP, typed with or without the reading spaces', async () => {
      expect(idsOf(await list({ q: '20050120' }))).toEqual([ids.ani]);
      expect(idsOf(await list({ q: '19800101 200501' }))).toEqual([ids.ani]);
    });

    it('[agency admin] searching for % or _ matches them literally, not as wildcards', async () => {
      expect((await list({ q: '%' })).total).toBe(0);
      expect((await list({ q: '_' })).total).toBe(0);
    });

    it('[agency admin] filters by unit, with or without the units below it', async () => {
      expect(idsOf(await list({ unitId: org.dinkes }))).toEqual([ids.ani]);
      expect(idsOf(await list({ unitId: org.dinkes, includeSubunits: true }))).toEqual([ids.ani, ids.budi].sort());
      expect(idsOf(await list({ unitId: org.dinkes, includeSubunits: true, status: 'all' }))).toEqual([ids.ani, ids.budi, ids.citra].sort());
    });

    it('[agency admin] filters by position, role and employment type', async () => {
      expect(idsOf(await list({ positionId: org.staf }))).toEqual([ids.budi]);
      expect(idsOf(await list({ role: 'instructor' }))).toEqual([ids.budi]);
      expect(idsOf(await list({ role: 'agency_admin' }))).toEqual([ids.dedi]);
      expect(idsOf(await list({ employmentType: 'PPPK' }))).toEqual([ids.budi]);
    });

    it('[agency admin] sees active people by default, and can ask for inactive or all', async () => {
      expect(idsOf(await list({}))).toEqual([ids.ani, ids.budi, ids.dedi, ids.eko].sort());
      expect(idsOf(await list({ status: 'inactive' }))).toEqual([ids.citra]);
      expect((await list({ status: 'all' })).total).toBe(5);
    });

    it('[agency admin] pages through the list with the total of all matches', async () => {
      const first = await list({ pageSize: 2, page: 1, status: 'all' });
      const second = await list({ pageSize: 2, page: 2, status: 'all' });
      const third = await list({ pageSize: 2, page: 3, status: 'all' });
      expect([first.total, second.total, third.total]).toEqual([5, 5, 5]);
      expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 2, 1]);
      expect(second).toMatchObject({ page: 2, pageSize: 2 });
      expect(new Set([...idsOf(first), ...idsOf(second), ...idsOf(third)]).size).toBe(5);
    });

    it('[agency admin] sorts by name (the default), by NIP, or newest first', async () => {
      const byName = (await list({ status: 'all' })).items.map((u) => u.name);
      expect(byName).toEqual(['Ani Suryani', 'Budi Hartono', 'Citra Lestari', 'Dedi Kurniawan', 'Eko Prasetyo']);
      const byNip = (await list({ status: 'all', sort: 'nip' })).items.map((u) => u.nip);
      expect(byNip).toEqual([...byNip].sort());
      const newest = (await list({ status: 'all', sort: 'createdAt' })).items.map((u) => u.id);
      expect(newest[0]).toBe(ids.eko);
    });

    it('[agency admin] asking for a bad page size is told which parameter is wrong', async () => {
      expectApiError(await admin.get('/api/users').query({ pageSize: 1000 }), 400, 'VALIDATION_FAILED', 'pageSize');
      expectApiError(await admin.get('/api/users').query({ sort: 'password' }), 400, 'VALIDATION_FAILED', 'sort');
    });
  });

  describe('creating', () => {
    it('[agency admin] adds an employee without a password and gets a temporary one that works once', async () => {
      const body = aUserRequest(world.semarang);
      const res = await semarangAdmin.post('/api/users').send(body);
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({
        agencyId: world.semarang.agency.id,
        nip: body.nip,
        email: body.email,
        roles: ['learner'],
        active: true,
        mustChangePassword: true,
        unit: { id: world.semarang.unit.id },
        position: { id: world.semarang.position.id },
      });
      expect(res.body.temporaryPassword).toMatch(/^\S{12}$/);
      const signIn = await login(body.nip as string, res.body.temporaryPassword);
      expect(signIn.status).toBe(200);
      expect(signIn.body.mustChangePassword).toBe(true);
    });

    it('[agency admin] adds an employee with a chosen password: nothing temporary to change', async () => {
      const body = aUserRequest(world.semarang, { password: 'Pilihan-Sendiri-1' });
      const res = await semarangAdmin.post('/api/users').send(body);
      expect(res.status).toBe(201);
      expect(res.body.temporaryPassword).toBeNull();
      expect(res.body.user.mustChangePassword).toBe(false);
      expect((await login(body.email as string, 'Pilihan-Sendiri-1')).status).toBe(200);
    });

    it('[agency admin] typing the email in capitals stores it lower-case, and the NIP without spaces', async () => {
      const nip = aNip();
      const res = await semarangAdmin.post('/api/users').send(aUserRequest(world.semarang, { email: 'Rina.Kartika@SemarangKota.go.id', nip: `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip[14]} ${nip.slice(15)}` }));
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ email: 'rina.kartika@semarangkota.go.id', nip });
    });

    it('[agency admin] adds a PPPK employee whose NIP has 21 where the month would be', async () => {
      const res = await semarangAdmin.post('/api/users').send(aUserRequest(world.semarang, { nip: '199308082022211099', employmentType: 'PPPK' }));
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ nip: '199308082022211099', employmentType: 'PPPK' });
    });

    it('[agency admin] submitting a bad form is told every wrong field and why', async () => {
      const res = await semarangAdmin.post('/api/users').send({ nip: '198602312015051001', name: '', email: 'not-an-email', employmentType: 'honorer', salary: 1 });
      expectApiError(res, 400, 'VALIDATION_FAILED');
      expect(detailFor(res, 'nip')?.code).toBe('NIP_BIRTH_DATE');
      for (const field of ['name', 'email', 'employmentType', 'salary']) expect(detailFor(res, field)).toBeDefined();
      expect(detailFor(res, 'salary')?.code).toBe('unrecognized_keys');
      expect(res.body.message).toContain('nip');
    });

    it.each([
      ['198609262015051', 'NIP_FORMAT'],
      ['19860926201505100A', 'NIP_FORMAT'],
      ['198609262015133001', 'NIP_SERVICE_START'],
      ['198609262015053001', 'NIP_SEX_DIGIT'],
      ['198609262015051000', 'NIP_SEQUENCE'],
    ])('[agency admin] entering NIP %s is told %s', async (nip, code) => {
      const res = await semarangAdmin.post('/api/users').send(aUserRequest(world.semarang, { nip }));
      expectApiError(res, 400, 'VALIDATION_FAILED', 'nip');
      expect(detailFor(res, 'nip')?.code).toBe(code);
    });

    it('[agency admin] adding a learner without a NIP is told a NIP is needed', async () => {
      const res = await semarangAdmin.post('/api/users').send(aUserRequest(world.semarang, { nip: null }));
      expectApiError(res, 400, 'VALIDATION_FAILED', 'nip');
    });

    it('[agency admin] placing someone in another agency\'s unit or position is told the unit or position is unknown', async () => {
      const inAmbonUnit = await semarangAdmin.post('/api/users').send(aUserRequest(world.semarang, { unitId: world.ambon.unit.id }));
      expectApiError(inAmbonUnit, 400, 'VALIDATION_FAILED', 'unitId');
      expect(detailFor(inAmbonUnit, 'unitId')?.code).toBe('UNIT_UNKNOWN');
      const inAmbonPosition = await semarangAdmin.post('/api/users').send(aUserRequest(world.semarang, { positionId: world.ambon.position.id }));
      expect(detailFor(inAmbonPosition, 'positionId')?.code).toBe('POSITION_UNKNOWN');
    });

    it('[agency admin] registering a NIP that is taken, even in another agency, gets 409 NIP_TAKEN', async () => {
      const res = await semarangAdmin.post('/api/users').send(aUserRequest(world.semarang, { nip: world.ambon.learner.nip }));
      expectApiError(res, 409, 'NIP_TAKEN', 'nip');
    });

    it('[agency admin] registering an email that is taken, in another case, gets 409 EMAIL_TAKEN', async () => {
      const res = await semarangAdmin.post('/api/users').send(aUserRequest(world.semarang, { email: world.semarang.instructor.email.toUpperCase() }));
      expectApiError(res, 409, 'EMAIL_TAKEN', 'email');
    });

    it('[agency admin] cannot grant the platform admin role', async () => {
      const res = await semarangAdmin.post('/api/users').send(aUserRequest(world.semarang, { roles: ['platform_admin', 'learner'] }));
      expectApiError(res, 403, 'FORBIDDEN');
    });

    it('[agency admin] adds an instructor who is not an employee learner, without NIP', async () => {
      const res = await semarangAdmin.post('/api/users').send({ name: 'Widyaiswara Tamu', email: 'tamu@widyaiswara.id', roles: ['instructor'] });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ nip: null, roles: ['instructor'], agencyId: world.semarang.agency.id });
    });

    it('[platform admin] adds another platform admin, who belongs to no agency', async () => {
      const res = await platformAdmin.post('/api/users').send({ name: 'Operator Dua', email: 'operator2@asah.id', roles: ['platform_admin'] });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ agencyId: null, roles: ['platform_admin'] });
    });

    it('[platform admin] adding an employee must name the agency', async () => {
      const res = await platformAdmin.post('/api/users').send(aUserRequest(world.semarang));
      expectApiError(res, 400, 'VALIDATION_FAILED', 'agencyId');
    });
  });

  describe('editing', () => {
    it('[agency admin] moves an employee to another unit and position and renames them', async () => {
      const user = await aUser(t.db).in(world.semarang.agency).at(world.semarang.unit).create();
      const position = await aPosition(t.db, world.semarang.agency, { type: 'fungsional', level: 'ahli_muda' });
      const res = await semarangAdmin.patch(`/api/users/${user.id}`).send({ name: 'Nama Baru', unitId: world.semarang.subUnit.id, positionId: position.id, roles: ['learner', 'instructor'] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Nama Baru', unit: { id: world.semarang.subUnit.id }, position: { id: position.id }, roles: ['learner', 'instructor'] });
      const [row] = await t.db.query('SELECT name, unit_id, position_id FROM users WHERE id = $1', [user.id]);
      expect(row).toEqual({ name: 'Nama Baru', unit_id: world.semarang.subUnit.id, position_id: position.id });
    });

    it('[agency admin] saving a form with nothing changed answers the user as is', async () => {
      const user = await aUser(t.db).in(world.semarang.agency).create();
      const res = await semarangAdmin.patch(`/api/users/${user.id}`).send({});
      expect(res.status).toBe(200);
      expect(res.body.name).toBe(user.name);
    });

    it('[agency admin] giving someone an email or NIP already registered gets 409', async () => {
      const user = await aUser(t.db).in(world.semarang.agency).create();
      expectApiError(await semarangAdmin.patch(`/api/users/${user.id}`).send({ email: world.semarang.learner.email }), 409, 'EMAIL_TAKEN', 'email');
      expectApiError(await semarangAdmin.patch(`/api/users/${user.id}`).send({ nip: world.semarang.learner.nip }), 409, 'NIP_TAKEN', 'nip');
    });

    it('[agency admin] moving someone into another agency\'s unit is refused', async () => {
      const user = await aUser(t.db).in(world.semarang.agency).create();
      const res = await semarangAdmin.patch(`/api/users/${user.id}`).send({ unitId: world.ambon.unit.id });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'unitId');
    });

    it('[agency admin] deactivates and reactivates an employee', async () => {
      const user = await aUser(t.db).in(world.semarang.agency).create();
      const off = await semarangAdmin.patch(`/api/users/${user.id}`).send({ active: false });
      expect(off.body.active).toBe(false);
      expectApiError(await login(user.email, PASSWORD), 403, 'ACCOUNT_INACTIVE');
      const inactive = await semarangAdmin.get('/api/users').query({ status: 'inactive', q: user.email });
      expect(inactive.body.items.map((u: { id: string }) => u.id)).toEqual([user.id]);

      const on = await semarangAdmin.patch(`/api/users/${user.id}`).send({ active: true });
      expect(on.body.active).toBe(true);
      expect((await login(user.email, PASSWORD)).status).toBe(200);
    });

    it('[agency admin] cannot deactivate their own account', async () => {
      const res = await semarangAdmin.patch(`/api/users/${world.semarang.admin.id}`).send({ active: false });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'active');
      expect(detailFor(res, 'active')?.code).toBe('SELF_DEACTIVATION');
      const [row] = await t.db.query('SELECT active FROM users WHERE id = $1', [world.semarang.admin.id]);
      expect(row.active).toBe(true);
    });

    it('[agency admin] cannot remove their own admin role', async () => {
      const res = await semarangAdmin.patch(`/api/users/${world.semarang.admin.id}`).send({ roles: ['learner'] });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'roles');
    });

    it('[agency admin] cannot make anyone a platform admin', async () => {
      const user = await aUser(t.db).in(world.semarang.agency).create();
      expectApiError(await semarangAdmin.patch(`/api/users/${user.id}`).send({ roles: ['platform_admin'] }), 403, 'FORBIDDEN');
      const [row] = await t.db.query('SELECT roles FROM users WHERE id = $1', [user.id]);
      expect(row.roles).toEqual(['learner']);
    });

    it('[agency admin] removing the NIP of a learner is refused', async () => {
      const user = await aUser(t.db).in(world.semarang.agency).create();
      expectApiError(await semarangAdmin.patch(`/api/users/${user.id}`).send({ nip: null }), 400, 'VALIDATION_FAILED', 'nip');
    });

    it('[agency admin] reads one employee with unit and position', async () => {
      const res = await semarangAdmin.get(`/api/users/${world.semarang.learner.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: world.semarang.learner.id, unit: { id: world.semarang.subUnit.id }, position: { id: world.semarang.position.id, type: 'pengawas' } });
      expect(res.body).not.toHaveProperty('passwordHash');
    });
  });
});
