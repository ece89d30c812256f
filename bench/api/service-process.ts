// A child process of `npm run bench:api`: `prospects` runs the prospects service and, on its data source (the same
// pool), the bare baseline endpoint; `gateway` runs the gateway in front of it. Each reports its URLs over IPC and
// runs until its parent goes away.
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { startService } from '@dealgate/chassis';
import { gatewayService } from '../../apps/gateway/src/gateway.service-definition';
import { prospectsService } from '../../apps/prospects/src/prospects.service-definition';
import { startBareApp } from './bare-app';

export interface ServiceProcessReady {
  url: string;
  bareUrl?: string;
}

async function main(): Promise<void> {
  const role = process.argv[2];
  const env = JSON.parse(process.env.BENCH_ENV ?? '{}') as Record<string, string>;
  const closers: (() => Promise<unknown>)[] = [];
  let ready: ServiceProcessReady;
  if (role === 'prospects') {
    const prospects = await startService(prospectsService, env);
    const bare = await startBareApp(prospects.app.get<DataSource>(getDataSourceToken()));
    closers.push(
      () => bare.app.close(),
      () => prospects.app.close(),
    );
    ready = { url: prospects.url, bareUrl: bare.url };
  } else if (role === 'gateway') {
    const gateway = await startService(gatewayService, env);
    closers.push(() => gateway.app.close());
    ready = { url: gateway.url };
  } else {
    throw new Error(`unknown role ${role}`);
  }
  process.once('disconnect', () => {
    void Promise.allSettled(closers.map((close) => close())).then(() => process.exit(0));
  });
  process.send?.(ready);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
