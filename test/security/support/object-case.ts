import { randomUUID } from 'node:crypto';
import { JobName, JobPayloads, ServiceName } from '@dealgate/messages';
import { Role } from '@dealgate/domain';
import { waitForDirectoryCopy, callApi, deliverJob } from '@dealgate/testing';
import type { RunningSystem } from '../../support/system-harness';
import { CreatedUser } from './identity-fixtures';

export interface ObjectCaseContext {
  url: string;
  admin: string;
  dbUrl: string;
  apps: RunningSystem['apps'];
  /** A real user (created through the admin API) with a fresh access token. */
  userWith(
    roles: Role[],
    extra?: { unitId?: string; groups?: string[]; leadOf?: string[] },
  ): Promise<CreatedUser & { token: string }>;
}

/** Waits until a service's directory copy holds these users (identity events are asynchronous). */
export async function inDirectory(ctx: ObjectCaseContext, schema: string, users: { id: string }[]): Promise<void> {
  await waitForDirectoryCopy(ctx.dbUrl, [schema], { users: users.map((u) => u.id) });
}

export const ok = (answer: { status: number; body: unknown }, what: string) => {
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; version: number };
};

export interface ObjectStep {
  label: string;
  method: string;
  path: string;
  token: string;
  body?: unknown;
  /** Sent as is instead of `body` (e.g. a multipart upload), with its content type in `headers`. */
  rawBody?: string;
  headers?: Record<string, string>;
  expect: number;
  /** What the answer must show (e.g. a list without foreign items). */
  check?: (body: unknown) => boolean;
}

export interface ObjectCase {
  name: string;
  /** The route under test, `METHOD path` as the service declares it (the coverage check reads this). */
  route: string;
  /** Further routes the steps exercise with own / foreign expectations (the coverage check reads these too). */
  alsoCovers?: string[];
  /** Creates the objects and returns the calls with their expected status, in order. */
  run(context: ObjectCaseContext): Promise<ObjectStep[]>;
}

// Foreign objects answer 404, never 403 and never their data (docs/developing.md). Add a case here for each

const STAGE_LIMIT_DAYS = {
  sampling: 10,
  primary_contact: 20,
  needs_identification: 20,
  offer_formation: 20,
  offer_defence: 20,
  contract: 30,
};

/** A fresh product line (admin), for cases that need a sample. */
export async function createProductLine(ctx: ObjectCaseContext): Promise<{ id: string }> {
  return ok(
    await callApi(ctx.url, 'POST', '/api/product-lines', {
      token: ctx.admin,
      body: {
        name: `Line ${randomUUID().slice(0, 8)}`,
        cycleDays: { min: 120, max: 150 },
        stageLimitDays: STAGE_LIMIT_DAYS,
      },
    }),
    'product line',
  );
}

/** Puts a job straight on one service's queue, as another service's relay would (for objects born from events). */
export const deliverTo = <N extends JobName>(
  ctx: ObjectCaseContext,
  service: ServiceName,
  name: N,
  payload: JobPayloads[N],
): Promise<string> => deliverJob(ctx.apps[service], service, name, payload, { source: ServiceName.Gateway });
