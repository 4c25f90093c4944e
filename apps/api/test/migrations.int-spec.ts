import { createTestApp, TestApp } from './support/test-app';

/**
 * The template database was migrated by the built migration CLI, exactly as production is.
 * If an entity changed without a generated migration, TypeORM would want to alter the schema.
 */
describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('[developer] the migrated schema matches the entities exactly', async () => {
    const pending = await t.db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('[developer] every migration in the source tree has been applied', async () => {
    expect(await t.db.showMigrations()).toBe(false);
  });

  it('[developer] every foreign key column has an index', async () => {
    const unindexed = await t.db.query(`
      SELECT c.conrelid::regclass::text AS table_name, a.attname AS column_name
        FROM pg_constraint c
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f'
         AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])`);
    expect(unindexed).toEqual([]);
  });
});
