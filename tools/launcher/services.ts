import { join } from 'node:path';
import type { ChildSpec } from './supervisor';

export const SERVICES = [
  { name: 'prospects', portVar: 'PROSPECTS_PORT', port: 3001, urlVar: 'PROSPECTS_URL' },
  { name: 'approvals', portVar: 'APPROVALS_PORT', port: 3002, urlVar: 'APPROVALS_URL' },
  { name: 'contracts', portVar: 'CONTRACTS_PORT', port: 3003, urlVar: 'CONTRACTS_URL' },
  { name: 'notifications', portVar: 'NOTIFICATIONS_PORT', port: 3004, urlVar: 'NOTIFICATIONS_URL' },
] as const;

export const SERVICE_NAMES = ['gateway', ...SERVICES.map((s) => s.name)] as const;

export interface SystemSettings {
  /** The launcher's environment (ports, secrets and service variables the user set). */
  env: NodeJS.ProcessEnv;
  /** The build folder holding apps/<name>/src/main.js. */
  dist: string;
  databaseUrl: string;
  jwtSecret: string;
  piiKey: string;
  /** Where the gateway writes a generated first-admin password for the launcher to print once. */
  firstAdminFile: string;
  /** Services the launcher leaves to someone else (e.g. one run alone with `nest start <name> --watch`). */
  skip?: readonly string[];
}

export function gatewayPort(env: NodeJS.ProcessEnv): string {
  return env.PORT ?? '3000';
}

/** Where the launcher answers for itself (`LAUNCHER_PORT`, 0 = not at all): 127.0.0.1 only. */
export function launcherPort(env: NodeJS.ProcessEnv): number {
  return Number(env.LAUNCHER_PORT ?? '3009');
}

/** The address people open: links in notifications and e-mails point here. */
export function publicUrl(env: NodeJS.ProcessEnv): string {
  return env.PUBLIC_URL ?? `http://localhost:${gatewayPort(env)}`;
}

/** What each service process gets: the shared settings, its port, and for the gateway where the others listen. */
export function childSpecs(s: SystemSettings): ChildSpec[] {
  const { env } = s;
  const common = {
    ...env,
    DATABASE_URL: s.databaseUrl,
    JWT_SECRET: s.jwtSecret,
    PII_KEY: s.piiKey,
    PUBLIC_URL: publicUrl(env),
  };
  const urls = Object.fromEntries(SERVICES.map((x) => [x.urlVar, `http://127.0.0.1:${env[x.portVar] ?? x.port}`]));
  const script = (name: string) => join(s.dist, 'apps', name, 'src', 'main.js');
  const specs: ChildSpec[] = [
    ...SERVICES.map((x) => ({
      name: x.name,
      script: script(x.name),
      env: { ...common, PORT: env[x.portVar] ?? String(x.port) },
    })),
    {
      name: 'gateway',
      script: script('gateway'),
      env: {
        ...common,
        ...urls,
        PORT: gatewayPort(env),
        ADMIN_PASSWORD_FILE: env.ADMIN_PASSWORD ? undefined : s.firstAdminFile,
      },
    },
  ];
  return specs.filter((spec) => !s.skip?.includes(spec.name));
}
