import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@dealgate/database';
import { ALL_SERVICES, ServiceName, queueNameOf } from '@dealgate/messages';
import { DeadLetterStore, installQueueBackend, queueSettings } from '@dealgate/messaging';

const USAGE = `Usage:
  npm run dead-letters -- list [--service <name>] [--limit <n>] [--all]
  npm run dead-letters -- replay <dead-letter-id> --service <name>

Services: ${ALL_SERVICES.join(', ')}.
Reads DATABASE_URL / REDIS_URL / QUEUE_PREFIX, or, when DATABASE_URL is unset, the running embedded system's
settings from <data dir>/runtime.json (written by npm start).`;

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function connectionSettings(): { databaseUrl: string; redisUrl?: string; prefix: string } {
  const env = process.env;
  if (env.DATABASE_URL)
    return { databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX ?? 'bull' };
  const runtime = resolve(env.DEALGATE_DATA_DIR ?? 'var', 'runtime.json');
  if (!existsSync(runtime))
    throw new Error(`Set DATABASE_URL, or start the system (npm start) so that ${runtime} exists.`);
  return JSON.parse(readFileSync(runtime, 'utf8')) as { databaseUrl: string; redisUrl?: string; prefix: string };
}

async function withStore<T>(service: ServiceName, work: (store: DeadLetterStore) => Promise<T>): Promise<T> {
  const { databaseUrl, redisUrl, prefix } = connectionSettings();
  const settings = queueSettings({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix });
  await installQueueBackend(settings, databaseUrl);
  const dataSource = await new DataSource(
    dataSourceOptions({ url: databaseUrl, schema: service, entities: [], migrations: [] }),
  ).initialize();
  let queue: Queue | undefined;
  try {
    return await work(
      new DeadLetterStore(
        dataSource,
        () => (queue ??= new Queue(queueNameOf(service), { connection: settings.connection, prefix: settings.prefix })),
      ),
    );
  } finally {
    await queue?.close();
    await dataSource.destroy();
  }
}

async function main(args: string[]): Promise<number> {
  const [command, id] = args;
  const service = flag(args, 'service') as ServiceName | undefined;
  if (service && !ALL_SERVICES.includes(service)) throw new Error(`Unknown service "${service}".\n${USAGE}`);
  if (command === 'list') {
    const limit = Number(flag(args, 'limit') ?? 50);
    for (const name of service ? [service] : ALL_SERVICES) {
      const { items, total } = await withStore(name, (store) =>
        store.list({ limit, offset: 0, includeReplayed: args.includes('--all') }),
      );
      console.log(`${name}: ${total} dead letter(s)`);
      for (const d of items) {
        console.log(
          `  ${d.id}  ${d.failedAt}  ${d.jobName}  attempts=${d.attempts}  replays=${d.replayCount}  ${d.error.split('\n')[0]}`,
        );
      }
    }
    return 0;
  }
  if (command === 'replay' && id && service) {
    const replayed = await withStore(service, (store) => store.replay(id));
    if (!replayed) {
      console.error(`No dead letter ${id} in ${service}.`);
      return 1;
    }
    console.log(`Replayed ${replayed.jobName} (message ${replayed.messageId}) onto ${queueNameOf(service)}.`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
