import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort, until } from './wait';

export interface LaunchedSystem {
  launcher: ChildProcess;
  gatewayPort: number;
  /** SIGTERM to the launcher (it stops the services, then PostgreSQL) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * The built launcher as `npm start` runs it, each service on a free port, its data in `dataDir`; answers once the
 * gateway's health does. `env` picks the database (DATABASE_URL, or none for the embedded one) and anything else.
 */
export async function launchSystem(dataDir: string, env: Record<string, string | undefined>): Promise<LaunchedSystem> {
  const launcherScript = resolve('dist', 'tools', 'launcher', 'main.js');
  if (!existsSync(launcherScript)) throw new Error(`${launcherScript} is missing: build first (npm run build)`);
  const [gateway, prospects, approvals, contracts, notifications] = await Promise.all(
    Array.from({ length: 5 }, () => freePort()),
  );
  const launcher = spawn(process.execPath, [launcherScript, '--json'], {
    env: {
      ...process.env,
      REDIS_URL: undefined,
      DEALGATE_DATA_DIR: dataDir,
      PORT: String(gateway),
      PROSPECTS_PORT: String(prospects),
      APPROVALS_PORT: String(approvals),
      CONTRACTS_PORT: String(contracts),
      NOTIFICATIONS_PORT: String(notifications),
      LAUNCHER_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    launcher.kill('SIGTERM');
    await new Promise((r) => (launcher.exitCode !== null ? r(null) : launcher.once('exit', r)));
  };
  try {
    await until('the gateway health', async () => (await fetch(`http://127.0.0.1:${gateway}/api/health`)).ok);
  } catch (error) {
    await stop();
    throw error;
  }
  return { launcher, gatewayPort: gateway, stop };
}
