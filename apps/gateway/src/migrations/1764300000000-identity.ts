import { MigrationInterface, QueryRunner } from 'typeorm';

/** Identity: users, sales units, refresh-token families, API keys and the security audit log. */
export class Identity1764300000000 implements MigrationInterface {
  name = 'Identity1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "gateway".unit (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        head_user_id uuid,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE UNIQUE INDEX unit_name_uq ON "gateway".unit (lower(name))`);
    await runner.query(`
      CREATE TABLE "gateway".app_user (
        id uuid PRIMARY KEY,
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        unit_id uuid REFERENCES "gateway".unit (id),
        groups text[] NOT NULL DEFAULT '{}',
        lead_of text[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // E-mails are stored normalised (lower case), so a plain unique index is enough.
    await runner.query(`CREATE UNIQUE INDEX app_user_email_uq ON "gateway".app_user (email)`);
    await runner.query(`CREATE INDEX app_user_unit_idx ON "gateway".app_user (unit_id)`);
    await runner.query(
      `ALTER TABLE "gateway".unit ADD CONSTRAINT unit_head_fk FOREIGN KEY (head_user_id) REFERENCES "gateway".app_user (id)`,
    );
    await runner.query(`
      CREATE TABLE "gateway".refresh_token (
        id uuid PRIMARY KEY,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES "gateway".app_user (id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        rotated_at timestamptz,
        revoked_at timestamptz,
        revoke_reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX refresh_token_family_idx ON "gateway".refresh_token (family_id)`);
    await runner.query(
      `CREATE INDEX refresh_token_user_idx ON "gateway".refresh_token (user_id) WHERE revoked_at IS NULL`,
    );
    await runner.query(`
      CREATE TABLE "gateway".api_key (
        id uuid PRIMARY KEY,
        key_id text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES "gateway".app_user (id),
        name text NOT NULL,
        secret_hash text NOT NULL,
        roles text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await runner.query(`CREATE INDEX api_key_user_idx ON "gateway".api_key (user_id)`);
    await runner.query(`
      CREATE TABLE "gateway".audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        event text NOT NULL,
        actor_user_id uuid,
        subject text,
        ip text,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await runner.query(`CREATE INDEX audit_log_event_idx ON "gateway".audit_log (event, at DESC)`);
    await runner.query(`CREATE INDEX audit_log_actor_idx ON "gateway".audit_log (actor_user_id, at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'api_key', 'refresh_token']) await runner.query(`DROP TABLE "gateway".${table}`);
    await runner.query(`ALTER TABLE "gateway".unit DROP CONSTRAINT unit_head_fk`);
    await runner.query(`DROP TABLE "gateway".app_user`);
    await runner.query(`DROP TABLE "gateway".unit`);
  }
}
