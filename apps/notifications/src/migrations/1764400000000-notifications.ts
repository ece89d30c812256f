import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"notifications"';

export class Notifications1764400000000 implements MigrationInterface {
  name = 'Notifications1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    // Inbox items. The id orders the live stream (SSE event ids); one item per event and person.
    await runner.query(`
      CREATE TABLE ${S}.notification (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL,
        message_id uuid NOT NULL,
        event_type text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link_path text NOT NULL,
        subject_kind text NOT NULL,
        subject_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (message_id, user_id)
      )`);
    await runner.query(`CREATE INDEX notification_user_idx ON ${S}.notification (user_id, id DESC)`);
    await runner.query(`CREATE INDEX notification_unread_idx ON ${S}.notification (user_id) WHERE read_at IS NULL`);

    await runner.query(`
      CREATE TABLE ${S}.notification_preference (
        user_id uuid NOT NULL,
        event_type text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('in_app', 'email')),
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, event_type, channel)
      )`);
    await runner.query(`
      CREATE TABLE ${S}.email_setting (
        user_id uuid PRIMARY KEY,
        digest text NOT NULL DEFAULT 'off' CHECK (digest IN ('off', 'hourly', 'daily')),
        last_digest_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // E-mail outbox: one row per event and person (or per digest); worked by the mail sweep. No address here:
    // it is opened from the sealed directory contact at send time.
    await runner.query(`
      CREATE TABLE ${S}.mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        message_id uuid,
        event_type text,
        kind text NOT NULL CHECK (kind IN ('event', 'digest')),
        status text NOT NULL CHECK (status IN ('held', 'bundled', 'pending', 'sending', 'sent', 'failed', 'skipped')),
        title text NOT NULL,
        body text NOT NULL,
        link_path text,
        digest_id uuid REFERENCES ${S}.mail (id),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        UNIQUE (message_id, user_id)
      )`);
    await runner.query(`CREATE INDEX mail_due_idx ON ${S}.mail (next_attempt_at) WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX mail_held_idx ON ${S}.mail (user_id, created_at) WHERE status = 'held'`);

    await runner.query(`
      CREATE TABLE ${S}.webhook (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        event_types text[] NOT NULL,
        sealed_secret text NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE ${S}.webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES ${S}.webhook (id) ON DELETE CASCADE,
        message_id uuid NOT NULL,
        event_type text NOT NULL,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivering', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (webhook_id, message_id)
      )`);
    await runner.query(
      `CREATE INDEX webhook_delivery_due_idx ON ${S}.webhook_delivery (next_attempt_at) WHERE status = 'pending'`,
    );
    await runner.query(`CREATE INDEX webhook_delivery_list_idx ON ${S}.webhook_delivery (webhook_id, created_at DESC)`);
    await runner.query(`
      CREATE TABLE ${S}.webhook_attempt (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES ${S}.webhook_delivery (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL,
        status_code integer,
        error text,
        duration_ms integer NOT NULL,
        UNIQUE (delivery_id, attempt)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `DROP TABLE ${S}.webhook_attempt, ${S}.webhook_delivery, ${S}.webhook, ${S}.mail, ${S}.email_setting, ${S}.notification_preference, ${S}.notification`,
    );
  }
}
