import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ServiceDefinition, startService } from '@dealgate/chassis';
import type { ServiceEnv } from '@dealgate/common';
import type { Role } from '@dealgate/domain';
import type { JobName, JobPayloads } from '@dealgate/messages';
import { DeliverOptions, deliverJob, waitForInbox } from './deliver-job';
import { Answer, CallOptions, callApi } from './http-call';
import { SeedUnit, SeedUser, seedDirectory } from './seed-directory';
import { TestDatabase, createTestDatabase, queryOnce } from './test-database';
import { testEnv } from './test-env';
import { tokenFor } from './tokens';
import { waitFor } from './wait-for';

/** Someone a medium test acts as: seeded into the service's directory copy, signed in with a token of their own. */
export type TestPerson = SeedUser & {
  userId: string;
  /** The roles the token claims when they differ from the directory's (a token issued before a demotion). */
  tokenRoles?: Role[];
};

export interface MediumTestOptions<P extends Record<string, TestPerson>> {
  /** The people of the test, by the name the test calls them. */
  people?: P;
  units?: SeedUnit[];
  /** Environment over `testEnv`'s. */
  env?: Record<string, string>;
}

/** What a medium test holds: one service on a database of its own, and the ways to act on it. */
export interface MediumTest<P extends Record<string, TestPerson> = Record<never, never>> {
  db: TestDatabase;
  app: NestExpressApplication;
  url: string;
  dataSource: DataSource;
  people: P;
  /** A bearer token for a person of the test (as the gateway would issue it). */
  user: (who: keyof P) => string;
  /** An HTTP call as a person (or anonymous with `null`), checked against the OpenAPI contract. */
  call: <T = any>(who: keyof P | null, method: string, path: string, options?: CallOptions) => Promise<Answer<T>>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A job on the service's queue as another service's relay would put it; answers its message id. */
  deliver: <N extends JobName>(name: N, payload: JobPayloads[N], options?: DeliverOptions) => Promise<string>;
  /** Waits until the service committed the message's effect (its inbox row). */
  handled: (messageId: string) => Promise<void>;
  waitFor: typeof waitFor;
  /** The number a count query answers on the service's database (tables named with their schema). */
  count: (sql: string, params?: unknown[]) => Promise<number>;
  /** The payloads the service wrote to its outbox under a job name, oldest first. */
  outbox: <T = Record<string, unknown>>(jobName: string) => Promise<T[]>;
  /** Stops the service and starts it again on the same database (a restart or a new replica); `app`, `url` follow. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * One service alone on a fresh copy of the migrated database, its directory copy seeded with the test's people:
 * the medium test's one start-up. Each suite calls it in `beforeAll` and `stop()` in `afterAll`.
 */
export async function startMediumTest<
  E extends ServiceEnv,
  P extends Record<string, TestPerson> = Record<never, never>,
>(definition: ServiceDefinition<E>, options: MediumTestOptions<P> = {}): Promise<MediumTest<P>> {
  const people = options.people ?? ({} as P);
  const db = await createTestDatabase();
  const schema = definition.service;
  const env = testEnv(db.url, options.env);
  const started = await startService(definition, env).catch(async (error: unknown) => {
    await db.drop();
    throw error;
  });
  if (Object.keys(people).length > 0 || options.units?.length)
    await seedDirectory(
      db.url,
      [schema],
      Object.values(people).map(({ tokenRoles: _claimed, ...person }) => person),
      options.units ?? [],
    );
  const tokens = new Map(
    Object.entries(people).map(([name, person]) => [
      name,
      tokenFor({ ...person, roles: person.tokenRoles ?? person.roles }),
    ]),
  );
  const user = (who: keyof P): string => {
    const token = tokens.get(String(who));
    if (!token) throw new Error(`no person "${String(who)}" in this medium test`);
    return token;
  };
  const running = (app: INestApplication, url: string) => ({
    app: app as NestExpressApplication,
    url,
    dataSource: app.get<DataSource>(getDataSourceToken()),
  });
  const test: MediumTest<P> = {
    db,
    ...running(started.app, started.url),
    people,
    user,
    call: (who, method, path, callOptions = {}) =>
      callApi(test.url, method, path, { ...callOptions, token: who === null ? callOptions.token : user(who) }),
    deliver: (name, payload, deliverOptions) => deliverJob(test.app, definition.service, name, payload, deliverOptions),
    handled: (messageId) => waitForInbox(db.url, schema, messageId),
    waitFor,
    async count(sql, params = []) {
      const [row] = await queryOnce<{ n: number }>(db.url, `SELECT (${sql})::int AS n`, params);
      return row.n;
    },
    outbox: async <T>(jobName: string) =>
      (
        await queryOnce<{ payload: T }>(
          db.url,
          `SELECT payload FROM "${schema}".outbox WHERE job_name = $1 ORDER BY created_at, id`,
          [jobName],
        )
      ).map((row) => row.payload),
    async restart() {
      await test.app.close();
      const again = await startService(definition, env);
      Object.assign(test, running(again.app, again.url));
    },
    async stop() {
      await test.app.close();
      await db.drop();
    },
  };
  return test;
}
