import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateSchema } from '@dealgate/database';
import { TestDatabase, createTestDatabase } from '@dealgate/testing';
import { PROSPECTS_MIGRATIONS } from '../migrations';

// A database that ran the first version of 1764400100000-analytics (before two commits edited it in place) lacks
// analytics_cohort and funnel_monthly and still has analytics_prospect_cohort_idx; the catch-up migration brings it to
// the schema a fresh database gets, and 1764700000000's rebuild then succeeds there.
describe('analytics catch-up migration', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const options = () =>
    dataSourceOptions({ url: db.url, schema: 'prospects', entities: [], migrations: PROSPECTS_MIGRATIONS });

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    dataSource = await new DataSource(options()).initialize();
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('gives a database migrated with the first analytics version the tables a fresh one has', async () => {
    await migrateSchema(dataSource, 'prospects');
    const tables = () =>
      dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'prospects'
          AND table_name IN ('analytics_cohort', 'funnel_monthly') ORDER BY table_name`,
      );
    expect(await tables()).toEqual([{ table_name: 'analytics_cohort' }, { table_name: 'funnel_monthly' }]);

    // Back to the state the first version left: the two tables missing, the old index present, and the catch-up and
    // the rebuild that needs its tables (1764700000000) not run yet.
    await dataSource.query('DROP TABLE prospects.analytics_cohort, prospects.funnel_monthly');
    await dataSource.query(
      'CREATE INDEX analytics_prospect_cohort_idx ON prospects.analytics_prospect (cohort_day) INCLUDE (furthest, unit_id, product_line_id, owner_key)',
    );
    await dataSource.query(`DELETE FROM prospects.migrations WHERE timestamp IN (1764400200000, 1764700000000)`);

    const applied = await migrateSchema(dataSource, 'prospects');
    expect(applied).toEqual(['AnalyticsCatchUp1764400200000', 'AnalyticsCredit1764700000000']);
    expect(await tables()).toEqual([{ table_name: 'analytics_cohort' }, { table_name: 'funnel_monthly' }]);
    const index = await dataSource.query(
      `SELECT 1 FROM pg_indexes WHERE schemaname = 'prospects' AND indexname = 'analytics_prospect_cohort_idx'`,
    );
    expect(index).toEqual([]);
  }, 60_000);
});
