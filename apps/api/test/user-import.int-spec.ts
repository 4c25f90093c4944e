import type TestAgent from 'supertest/lib/agent';
import { EntityManager } from 'typeorm';
import { User } from '../src/modules/users/user.entity';
import { AgencyCast, PASSWORD, aNip, aUser, aWorld, anImportFile } from './factories/builders';
import { countRows, snapshot } from './support/db-snapshot';
import { expectApiError } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

interface Row {
  line: number;
  status: 'valid' | 'invalid';
  errors: { field: string; code: string }[];
  values: Record<string, string>;
}

const csv = (file: ReturnType<typeof anImportFile>) => file.build();

describe('user import', () => {
  let t: TestApp;
  let world: Awaited<ReturnType<typeof aWorld>>;
  let admin: TestAgent;
  beforeAll(async () => {
    t = await createTestApp();
    world = await aWorld(t.db);
    admin = await t.signIn(world.semarang.admin.email, PASSWORD);
  });
  afterAll(() => {
    jest.restoreAllMocks();
    return t.close();
  });

  const upload = (route: 'import' | 'import/preview', file: Buffer, as: TestAgent = admin) =>
    as.post(`/api/users/${route}`).attach('file', file, 'pegawai.csv');
  const usersOf = (cast: AgencyCast) => countRows(t.db, 'users', 'agency_id = $1', [cast.agency.id]);
  const errorCodes = (row: Row) => Object.fromEntries(row.errors.map((e) => [e.field, e.code]));

  /** A file of two good rows and one bad row of every kind, in the agency's own export format. */
  function mixedFile() {
    const s = world.semarang;
    const good1 = aNip();
    const good2 = aNip(2, 'PPPK');
    const file = anImportFile()
      .employee(s, { nip: good1, nama: 'Andi Wijaya' }) // line 2
      .employee(s, { nip: `${good2.slice(0, 8)} ${good2.slice(8, 14)} ${good2[14]} ${good2.slice(15)}`, jenis: 'pppk', kode_jabatan: '' }) // line 3
      .employee(s, { nip: '198602302015051001' }) // line 4: 30 February
      .employee(s, { kode_unit: 'TIDAK-ADA' }) // line 5
      .employee(s, { kode_jabatan: 'TIDAK-ADA' }) // line 6
      .employee(s, { nip: good1 }) // line 7: same NIP as line 2
      .employee(s, { nip: world.ambon.learner.nip! }) // line 8: registered (in another agency)
      .employee(s, { email: 'bukan-email' }) // line 9
      .employee(s, { jenis: 'Honorer' }) // line 10
      .employee(s, { nama: '' }); // line 11
    return { file, good: [good1, good2] };
  }

  const EXPECTED_ERRORS: Record<number, Record<string, string>> = {
    4: { nip: 'NIP_BIRTH_DATE' },
    5: { unitCode: 'UNIT_UNKNOWN' },
    6: { positionCode: 'POSITION_UNKNOWN' },
    7: { nip: 'NIP_DUPLICATE_IN_FILE' },
    8: { nip: 'NIP_TAKEN' },
    9: { email: 'EMAIL_INVALID' },
    10: { employmentType: 'EMPLOYMENT_TYPE_INVALID' },
    11: { name: 'REQUIRED' },
  };

  it('[agency admin] previews a file of good and bad rows: every row reported, nothing written', async () => {
    const { file } = mixedFile();
    const before = await snapshot(t.db);
    const res = await upload('import/preview', csv(file));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ validCount: 2, invalidCount: 8 });
    const rows: Row[] = res.body.rows;
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rows.slice(0, 2).map((r) => [r.status, r.errors])).toEqual([['valid', []], ['valid', []]]);
    for (const row of rows.slice(2)) {
      expect({ line: row.line, status: row.status, errors: errorCodes(row) }).toEqual({ line: row.line, status: 'invalid', errors: EXPECTED_ERRORS[row.line] });
    }
    expect(rows[0].values).toMatchObject({ name: 'Andi Wijaya', unitCode: world.semarang.unit.code });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it('[agency admin] commits the same file: exactly the valid rows are imported, with working temporary passwords', async () => {
    const { file, good } = mixedFile();
    const before = await usersOf(world.semarang);
    const res = await upload('import', csv(file));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ validCount: 2, invalidCount: 8 });
    expect(res.body.created.map((c: { line: number; nip: string }) => [c.line, c.nip])).toEqual([[2, good[0]], [3, good[1]]]);
    expect(res.body.rows.filter((r: Row) => r.status === 'invalid').map((r: Row) => r.line)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);

    expect(await usersOf(world.semarang)).toBe(before + 2);
    const stored = await t.db.query(
      `SELECT u.nip, u.employment_type, u.roles, u.must_change_password, un.code AS unit, p.code AS position
         FROM users u JOIN units un ON un.id = u.unit_id LEFT JOIN positions p ON p.id = u.position_id
        WHERE u.nip = ANY($1) ORDER BY u.nip`,
      [good],
    );
    expect(stored).toEqual(
      expect.arrayContaining([
        { nip: good[0], employment_type: 'PNS', roles: ['learner'], must_change_password: true, unit: world.semarang.unit.code, position: world.semarang.position.code },
        { nip: good[1], employment_type: 'PPPK', roles: ['learner'], must_change_password: true, unit: world.semarang.unit.code, position: null },
      ]),
    );
    for (const created of res.body.created) {
      const signIn = await t.anonymous().post('/api/auth/login').send({ identifier: created.nip, password: created.temporaryPassword });
      expect(signIn.status).toBe(200);
      expect(signIn.body.mustChangePassword).toBe(true);
    }

    // The same file again: the rows imported a moment ago are now taken, nothing new is added.
    const again = await upload('import', csv(file));
    expect(again.status).toBe(200);
    expect(again.body.created).toEqual([]);
    expect(again.body.validCount).toBe(0);
    const firstTwo: Row[] = again.body.rows.slice(0, 2);
    expect(firstTwo.map(errorCodes)).toEqual([{ nip: 'NIP_TAKEN', email: 'EMAIL_TAKEN' }, { nip: 'NIP_TAKEN', email: 'EMAIL_TAKEN' }]);
    expect(await usersOf(world.semarang)).toBe(before + 2);
  });

  it('[agency admin] previews a file whose rows lack NIP and email: each row is told what is required', async () => {
    const file = anImportFile().row({ nama: 'Tanpa Data', jenis: 'PNS', kode_unit: world.semarang.unit.code }).row({ nama: 'Tanpa Data Juga' });
    const res = await upload('import/preview', csv(file));
    expect(res.status).toBe(200);
    expect(res.body.rows.map(errorCodes)).toEqual([
      { nip: 'REQUIRED', email: 'REQUIRED' },
      { nip: 'REQUIRED', email: 'REQUIRED', employmentType: 'REQUIRED', unitCode: 'REQUIRED' },
    ]);
  });

  it('[agency admin] uploads a file with English headers', async () => {
    const res = await upload('import/preview', csv(anImportFile().inEnglish().employee(world.semarang)));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ validCount: 1, invalidCount: 0 });
  });

  it('[agency admin] uploads a file Excel saved with ; separators and a UTF-8 BOM', async () => {
    const file = anImportFile().withBom().separatedBy(';').employee(world.semarang, { nama: 'Ni Luh Putu Ayu, S.Kep.' }).employee(world.semarang);
    const res = await upload('import/preview', csv(file));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ validCount: 2, invalidCount: 0 });
    expect(res.body.rows[0].values.name).toBe('Ni Luh Putu Ayu, S.Kep.');
  });

  it('[agency admin] uploading a file without required columns is told which are missing', async () => {
    const file = anImportFile().withColumns(['nip', 'nama', 'kode_jabatan']).row({ nip: aNip(), nama: 'Budi', email: 'x' });
    const res = await upload('import/preview', csv(file));
    expectApiError(res, 400, 'IMPORT_INVALID_FILE');
    expect(res.body.details.missingColumns).toEqual(['email', 'employmentType', 'unitCode']);
    expect(res.body.message).toMatch(/email/);
  });

  it('[agency admin] sending no file is told to attach one', async () => {
    expectApiError(await admin.post('/api/users/import/preview').field('agencyId', world.semarang.agency.id), 400, 'IMPORT_INVALID_FILE', 'file');
    const res = await admin.post('/api/users/import').send({});
    expectApiError(res, 400, 'IMPORT_INVALID_FILE', 'file');
  });

  it('[agency admin] uploading an empty file, or only a header, is told so', async () => {
    expectApiError(await upload('import/preview', Buffer.from('')), 400, 'IMPORT_INVALID_FILE');
    expectApiError(await upload('import', Buffer.from('nip,nama,email,jenis,kode_unit\r\n')), 400, 'IMPORT_INVALID_FILE');
  });

  it('[agency admin] uploading a file over 5 MB gets 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = Buffer.concat([anImportFile().employee(world.semarang).build(), Buffer.alloc(5 * 1024 * 1024, 'x')]);
    expectApiError(await upload('import/preview', huge), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('[agency admin] attaching the file under another field name is refused', async () => {
    const res = await admin.post('/api/users/import/preview').attach('berkas', anImportFile().employee(world.semarang).build(), 'pegawai.csv');
    expectApiError(res, 400, 'VALIDATION_FAILED');
  });

  it('[agency admin] uploading a spreadsheet instead of CSV is told the file is not UTF-8 text', async () => {
    const xlsx = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00]);
    expectApiError(await upload('import/preview', xlsx), 400, 'IMPORT_INVALID_FILE');
  });

  it('[platform admin] imports into a named agency, and must name one', async () => {
    const platform = await t.signIn(world.platformAdmin.email, PASSWORD);
    const file = csv(anImportFile().employee(world.ambon));
    expectApiError(await upload('import/preview', file, platform), 400, 'VALIDATION_FAILED', 'agencyId');
    const res = await platform.post('/api/users/import').field('agencyId', world.ambon.agency.id).attach('file', file, 'pegawai.csv');
    expect(res.status).toBe(200);
    const [row] = await t.db.query('SELECT agency_id FROM users WHERE id = $1', [res.body.created[0].id]);
    expect(row.agency_id).toBe(world.ambon.agency.id);
  });

  describe('a commit that fails midway', () => {
    afterEach(() => jest.restoreAllMocks());

    it('[agency admin] whose rows were written before the failure finds none of them kept', async () => {
      const before = await snapshot(t.db);
      const realInsert = EntityManager.prototype.insert;
      let writtenInsideTransaction = 0;
      jest.spyOn(EntityManager.prototype, 'insert').mockImplementation(async function (this: EntityManager, ...args: Parameters<EntityManager['insert']>) {
        const result = await realInsert.apply(this, args);
        // The rows are really in the table, inside the import's transaction...
        writtenInsideTransaction = await this.count(User);
        // ...when the connection drops.
        throw new Error('Connection terminated unexpectedly');
      });
      const res = await upload('import', csv(anImportFile().employee(world.semarang).employee(world.semarang)));
      expectApiError(res, 500, 'INTERNAL');
      expect(res.body.message).toBe('Internal server error');
      expect(writtenInsideTransaction).toBeGreaterThan(0);
      expect(await snapshot(t.db)).toEqual(before);
    });

    it('[agency admin] whose employee was registered by someone else meanwhile gets 409 and nothing is imported', async () => {
      const nip = aNip();
      const file = csv(anImportFile().employee(world.semarang).employee(world.semarang, { nip }).employee(world.semarang));
      const realInsert = EntityManager.prototype.insert;
      let raced = false;
      jest.spyOn(EntityManager.prototype, 'insert').mockImplementation(async function (this: EntityManager, ...args: Parameters<EntityManager['insert']>) {
        // Another admin saves the same NIP after the import checked the file, before it writes.
        if (!raced) {
          raced = true;
          await aUser(t.db).in(world.semarang.agency).withNip(nip).create();
        }
        return realInsert.apply(this, args);
      });
      const before = await usersOf(world.semarang);
      const res = await upload('import', file);
      expectApiError(res, 409, 'CONFLICT');
      expect(await usersOf(world.semarang)).toBe(before + 1); // only the other admin's employee
    });
  });
});
