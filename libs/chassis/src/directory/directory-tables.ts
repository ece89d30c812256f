import { QueryRunner } from 'typeorm';

/**
 * A service's own copy of the user directory, fed by `user.upserted` / `unit.upserted` from identity. Contact
 * details stay sealed at rest: the notifications service opens the e-mail to send mail, the funnel opens only the
 * display name of the people its stage history shows (apps/prospects/src/shared/actor-names.ts).
 */
export async function createDirectoryTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE TABLE "${schema}".directory_user (
      user_id uuid PRIMARY KEY,
      roles text[] NOT NULL,
      unit_id uuid,
      groups text[] NOT NULL DEFAULT '{}',
      lead_of text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL,
      sealed_contact text NOT NULL,
      changed_at timestamptz NOT NULL
    )`);
  await runner.query(`CREATE INDEX directory_user_unit_idx ON "${schema}".directory_user (unit_id)`);
  await runner.query(`
    CREATE TABLE "${schema}".directory_unit (
      unit_id uuid PRIMARY KEY,
      name text NOT NULL,
      head_user_id uuid,
      active boolean NOT NULL DEFAULT true,
      changed_at timestamptz NOT NULL
    )`);
}
