import type TestAgent from 'supertest/lib/agent';
import { PASSWORD, aPosition, aUnit, aUser, aWorld, anAgency } from './factories/builders';
import { countRows } from './support/db-snapshot';
import { detailFor, expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

describe('units and positions', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let admin: TestAgent;
  let platform: TestAgent;
  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
    platform = await t.signIn(world.platformAdmin.email, PASSWORD);
  });
  afterAll(() => t.close());

  describe('unit tree', () => {
    it('[agency admin] builds a branch of the tree and sees it with employee counts', async () => {
      const top = await admin.post('/api/units').send({ code: 'DISDIK', name: 'Dinas Pendidikan' });
      expect(top.status).toBe(201);
      expect(top.body).toMatchObject({ agencyId: world.semarang.agency.id, parentId: null, code: 'DISDIK', employeeCount: 0 });
      const child = await admin.post('/api/units').send({ code: 'DISDIK-SD', name: 'Bidang Sekolah Dasar', parentId: top.body.id });
      expect(child.body.parentId).toBe(top.body.id);

      const list = await admin.get('/api/units');
      expect(list.status).toBe(200);
      const byCode = Object.fromEntries(list.body.items.map((u: { code: string }) => [u.code, u]));
      expect(byCode['DISDIK-SD']).toMatchObject({ parentId: top.body.id });
      expect(byCode[world.semarang.subUnit.code]).toMatchObject({ parentId: world.semarang.unit.id, employeeCount: 1 });
      expect(list.body.items.every((u: { agencyId: string }) => u.agencyId === world.semarang.agency.id)).toBe(true);
    });

    it('[agency admin] moves a unit under another one, and back to the top', async () => {
      const a = await aUnit(t.db, world.semarang.agency);
      const b = await aUnit(t.db, world.semarang.agency);
      const moved = await admin.patch(`/api/units/${b.id}`).send({ parentId: a.id });
      expect(moved.status).toBe(200);
      expect(moved.body.parentId).toBe(a.id);
      const top = await admin.patch(`/api/units/${b.id}`).send({ parentId: null });
      expect(top.body.parentId).toBeNull();
    });

    it('[agency admin] moving a unit under its own descendant gets 409 UNIT_CYCLE and the tree is unchanged', async () => {
      const root = await aUnit(t.db, world.semarang.agency);
      const child = await aUnit(t.db, world.semarang.agency, { parent: root });
      const grandchild = await aUnit(t.db, world.semarang.agency, { parent: child });
      expectApiError(await admin.patch(`/api/units/${root.id}`).send({ parentId: grandchild.id }), 409, 'UNIT_CYCLE', 'parentId');
      expectApiError(await admin.patch(`/api/units/${root.id}`).send({ parentId: root.id }), 409, 'UNIT_CYCLE', 'parentId');
      const [row] = await t.db.query('SELECT parent_id FROM units WHERE id = $1', [root.id]);
      expect(row.parent_id).toBeNull();
    });

    it('[agency admin] putting a unit under another agency\'s unit is told the parent is unknown', async () => {
      const res = await admin.post('/api/units').send({ code: 'NYASAR', name: 'Unit Nyasar', parentId: world.ambon.unit.id });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'parentId');
      expect(detailFor(res, 'parentId')?.code).toBe('UNIT_UNKNOWN');
      const moved = await admin.patch(`/api/units/${world.semarang.subUnit.id}`).send({ parentId: world.ambon.unit.id });
      expectApiError(moved, 400, 'VALIDATION_FAILED', 'parentId');
    });

    it('[agency admin] deleting a unit that has sub-units or employees gets 409 UNIT_NOT_EMPTY', async () => {
      const parent = await aUnit(t.db, world.semarang.agency);
      await aUnit(t.db, world.semarang.agency, { parent });
      const staffed = await aUnit(t.db, world.semarang.agency);
      await aUser(t.db).in(world.semarang.agency).at(staffed).inactive().create();
      expectApiError(await admin.delete(`/api/units/${parent.id}`), 409, 'UNIT_NOT_EMPTY');
      const res = await admin.delete(`/api/units/${staffed.id}`);
      expectApiError(res, 409, 'UNIT_NOT_EMPTY');
      expect(res.body.details).toEqual({ subUnits: 0, employees: 1 });
      expect(await countRows(t.db, 'units', 'id = ANY($1)', [[parent.id, staffed.id]])).toBe(2);
    });

    it('[agency admin] deletes an empty unit', async () => {
      const unit = await aUnit(t.db, world.semarang.agency);
      expect((await admin.delete(`/api/units/${unit.id}`)).status).toBe(204);
      expect(await countRows(t.db, 'units', 'id = $1', [unit.id])).toBe(0);
      expectApiError(await admin.delete(`/api/units/${unit.id}`), 404, 'NOT_FOUND');
    });

    it('[agency admin] reusing a unit code in the same agency gets 409 CODE_TAKEN; another agency may use it', async () => {
      await aUnit(t.db, world.semarang.agency, { code: 'BAPPEDA' });
      expectApiError(await admin.post('/api/units').send({ code: 'BAPPEDA', name: 'Bappeda Kedua' }), 409, 'CODE_TAKEN', 'code');
      const other = await aUnit(t.db, world.semarang.agency, { code: 'BAPPEDA-2' });
      expectApiError(await admin.patch(`/api/units/${other.id}`).send({ code: 'BAPPEDA' }), 409, 'CODE_TAKEN', 'code');

      const ambonAdmin = await t.signIn(world.ambon.admin.email, PASSWORD);
      const res = await ambonAdmin.post('/api/units').send({ code: 'BAPPEDA', name: 'Bappeda Kota Ambon' });
      expect(res.status).toBe(201);
    });

    it('[agency admin] a unit code with spaces or symbols is refused naming the code', async () => {
      expectApiError(await admin.post('/api/units').send({ code: 'DINAS SOSIAL', name: 'Dinas Sosial' }), 400, 'VALIDATION_FAILED', 'code');
    });

    it('[platform admin] lists the units of a named agency, and must name one', async () => {
      expectApiError(await platform.get('/api/units'), 400, 'VALIDATION_FAILED', 'agencyId');
      const res = await platform.get('/api/units').query({ agencyId: world.ambon.agency.id });
      expect(res.body.items.map((u: { id: string }) => u.id)).toContain(world.ambon.unit.id);
      expectApiError(await platform.get('/api/units').query({ agencyId: '7b0d4b4e-0000-4000-8000-000000000000' }), 404, 'NOT_FOUND');
    });
  });

  describe('positions', () => {
    it('[agency admin] creates a functional position with its level', async () => {
      const res = await admin.post('/api/positions').send({ code: 'PRANATA-KOMP', name: 'Pranata Komputer Ahli Pertama', type: 'fungsional', functionalLevel: 'ahli_pertama' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ type: 'fungsional', functionalLevel: 'ahli_pertama', employeeCount: 0, agencyId: world.semarang.agency.id });
    });

    it('[agency admin] a functional position without a level is told functionalLevel is needed', async () => {
      const res = await admin.post('/api/positions').send({ code: 'PERAWAT', name: 'Perawat', type: 'fungsional' });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'functionalLevel');
    });

    it('[agency admin] a structural position with a level is told such positions have none', async () => {
      const res = await admin.post('/api/positions').send({ code: 'KASUBAG', name: 'Kepala Subbagian', type: 'pengawas', functionalLevel: 'ahli_muda' });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'functionalLevel');
    });

    it('[agency admin] changing a functional position to structural drops its level; the reverse needs one', async () => {
      const position = await aPosition(t.db, world.semarang.agency, { type: 'fungsional', level: 'mahir' });
      const res = await admin.patch(`/api/positions/${position.id}`).send({ type: 'pelaksana' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ type: 'pelaksana', functionalLevel: null });
      expectApiError(await admin.patch(`/api/positions/${position.id}`).send({ type: 'fungsional' }), 400, 'VALIDATION_FAILED', 'functionalLevel');
      const ok = await admin.patch(`/api/positions/${position.id}`).send({ type: 'fungsional', functionalLevel: 'terampil' });
      expect(ok.body).toMatchObject({ type: 'fungsional', functionalLevel: 'terampil' });
    });

    it('[agency admin] giving a level to a structural position is told such positions have none', async () => {
      const position = await aPosition(t.db, world.semarang.agency, { type: 'administrator' });
      const res = await admin.patch(`/api/positions/${position.id}`).send({ functionalLevel: 'ahli_madya' });
      expectApiError(res, 400, 'VALIDATION_FAILED', 'functionalLevel');
      const [row] = await t.db.query('SELECT functional_level FROM positions WHERE id = $1', [position.id]);
      expect(row.functional_level).toBeNull();
    });

    it('[agency admin] searches, filters by type and pages through positions', async () => {
      const agency = await anAgency(t.db);
      for (const [code, name, type] of [
        ['GURU-1', 'Guru Ahli Pertama', 'fungsional'],
        ['GURU-2', 'Guru Ahli Muda', 'fungsional'],
        ['KABID', 'Kepala Bidang', 'administrator'],
        ['STAF', 'Pengadministrasi Umum', 'pelaksana'],
      ] as const) {
        await aPosition(t.db, agency, { code, name, type, level: type === 'fungsional' ? 'ahli_muda' : undefined });
      }
      const holder = await aUser(t.db).in(agency).withRoles('agency_admin').create();
      const other = await t.signIn(holder.email, PASSWORD);
      const get = async (query: Record<string, string | number>) => (await other.get('/api/positions').query(query)).body;

      // Sorted by name: "Guru Ahli Muda" before "Guru Ahli Pertama".
      expect((await get({ q: 'guru' })).items.map((p: { code: string }) => p.code)).toEqual(['GURU-2', 'GURU-1']);
      expect((await get({ q: 'kabid' })).items.map((p: { code: string }) => p.code)).toEqual(['KABID']);
      expect((await get({ type: 'fungsional' })).total).toBe(2);
      const page2 = await get({ pageSize: 3, page: 2 });
      expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(page2.items.map((p: { code: string }) => p.code)).toEqual(['STAF']);
    });

    it('[agency admin] sees how many active employees hold each position', async () => {
      const position = await aPosition(t.db, world.semarang.agency, { code: 'HITUNG' });
      await aUser(t.db).in(world.semarang.agency).holding(position).create();
      await aUser(t.db).in(world.semarang.agency).holding(position).inactive().create();
      const res = await admin.get('/api/positions').query({ q: 'HITUNG' });
      expect(res.body.items).toEqual([expect.objectContaining({ code: 'HITUNG', employeeCount: 1 })]);
    });

    it('[agency admin] deleting a position someone holds gets 409 POSITION_IN_USE; an unused one is deleted', async () => {
      const held = await aPosition(t.db, world.semarang.agency);
      await aUser(t.db).in(world.semarang.agency).holding(held).inactive().create();
      expectApiError(await admin.delete(`/api/positions/${held.id}`), 409, 'POSITION_IN_USE');
      expect(await countRows(t.db, 'positions', 'id = $1', [held.id])).toBe(1);

      const unused = await aPosition(t.db, world.semarang.agency);
      expect((await admin.delete(`/api/positions/${unused.id}`)).status).toBe(204);
      expect(await countRows(t.db, 'positions', 'id = $1', [unused.id])).toBe(0);
    });

    it('[agency admin] reusing a position code in the same agency gets 409 CODE_TAKEN; another agency may use it', async () => {
      await aPosition(t.db, world.semarang.agency, { code: 'ANALIS' });
      expectApiError(await admin.post('/api/positions').send({ code: 'ANALIS', name: 'Analis Kedua', type: 'pelaksana' }), 409, 'CODE_TAKEN', 'code');
      const res = await platform.post('/api/positions').send({ agencyId: world.ambon.agency.id, code: 'ANALIS', name: 'Analis', type: 'pelaksana' });
      expect(res.status).toBe(201);
    });
  });

  describe('agencies', () => {
    it('[platform admin] creates an agency, finds it, renames it; a taken code gets 409 CODE_TAKEN', async () => {
      const created = await platform.post('/api/agencies').send({ code: 'KAB-AGARA', name: 'Pemerintah Kabupaten Aceh Tenggara' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ code: 'KAB-AGARA', active: true });
      expectApiError(await platform.post('/api/agencies').send({ code: 'KAB-AGARA', name: 'Lagi' }), 409, 'CODE_TAKEN', 'code');

      const found = await platform.get('/api/agencies').query({ q: 'aceh' });
      expect(found.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
      const renamed = await platform.patch(`/api/agencies/${created.body.id}`).send({ name: 'Pemkab Aceh Tenggara' });
      expect(renamed.body.name).toBe('Pemkab Aceh Tenggara');
    });

    it('[agency admin] reads their own agency', async () => {
      const res = await admin.get(`/api/agencies/${world.semarang.agency.id}`);
      expect(res.status).toBe(200);
      expect(res.body.name).toBe('Pemerintah Kota Semarang');
    });
  });
});
