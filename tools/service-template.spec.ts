import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  AnalyticsErrorCode,
  ApprovalErrorCode,
  ContractErrorCode,
  FunnelErrorCode,
  IdentityErrorCode,
  NotificationErrorCode,
} from '@dealgate/domain';
import { StatusForCode } from '@dealgate/common';
import { approvalsStatusForCode } from '../apps/approvals/src/approvals.status';
import { contractsStatusForCode } from '../apps/contracts/src/contracts.status';
import { gatewayStatusForCode } from '../apps/gateway/src/gateway.status';
import { notificationsStatusForCode } from '../apps/notifications/src/notifications.status';
import { prospectsStatusForCode } from '../apps/prospects/src/prospects.status';

// The one service template (docs/developing.md, Layout): the same files at the root of every service, one status
// map file, one handler per `*.handler.ts` file. A service that drifts from it fails here, naming what is off.
const ROOT = join(__dirname, '..');
const SERVICES = ['approvals', 'contracts', 'gateway', 'notifications', 'prospects'] as const;

const STATUS_MAPS: Record<(typeof SERVICES)[number], [StatusForCode, Record<string, string>[]]> = {
  approvals: [approvalsStatusForCode, [ApprovalErrorCode]],
  contracts: [contractsStatusForCode, [ContractErrorCode]],
  gateway: [gatewayStatusForCode, [IdentityErrorCode]],
  notifications: [notificationsStatusForCode, [NotificationErrorCode]],
  prospects: [prospectsStatusForCode, [FunnelErrorCode, AnalyticsErrorCode]],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('service template', () => {
  it('has the same files at the root of every service', () => {
    expect(readdirSync(join(ROOT, 'apps')).filter((app) => app !== 'console')).toEqual([...SERVICES]);
    const missing = SERVICES.flatMap((s) =>
      [
        'main.ts',
        `${s}.env.ts`,
        `${s}.module.ts`,
        `${s}.entities.ts`,
        `${s}.service-definition.ts`,
        `${s}.status.ts`,
        'openapi.metadata.ts',
        'migrations/index.ts',
      ].flatMap((file) => (readdirSyncSafe(`apps/${s}/src`, file) ? [] : [`apps/${s}/src/${file}`])),
    );
    expect(missing).toEqual([]);
  });

  it.each(SERVICES)('%s: its status map answers a 4xx for every code of its areas and nothing for others', (s) => {
    const [statusForCode, areas] = STATUS_MAPS[s];
    const unmapped = areas
      .flatMap((area) => Object.values(area))
      .filter((code) => {
        const status = statusForCode(code);
        return status === undefined || status < 400 || status > 499;
      });
    expect(unmapped).toEqual([]);
    // Common codes fall through to the filter's map; a prototype name is no code.
    expect(statusForCode('not_found')).toBeUndefined();
    expect(statusForCode('constructor')).toBeUndefined();
  });

  it('keeps every job handler in a *.handler.ts file of its own (a generated family in *.handlers.ts)', () => {
    const misplaced = ['apps', 'libs'].flatMap((dir) =>
      sourceFiles(dir).flatMap((path) => {
        const marks = readFileSync(join(ROOT, path), 'utf8').match(/^\s*@HandlesJob\(/gm)?.length ?? 0;
        const name = basename(path);
        if (marks === 0) return [];
        if (name.endsWith('.handlers.ts')) return [];
        return name.endsWith('.handler.ts') && marks === 1 ? [] : [`${path}: ${marks} handler(s)`];
      }),
    );
    expect(misplaced).toEqual([]);
  });

  it('gives no service a status map outside its <service>.status.ts', () => {
    const maps = SERVICES.flatMap((s) =>
      sourceFiles(`apps/${s}/src`).filter(
        (path) => !path.endsWith(`/${s}.status.ts`) && /statusMap\(|: StatusForCode\b/.test(read(path)),
      ),
    );
    expect(maps).toEqual([]);
  });
});

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

function readdirSyncSafe(dir: string, file: string): boolean {
  const [first, ...rest] = file.split('/');
  const entries = readdirSync(join(ROOT, dir));
  if (!entries.includes(first)) return false;
  return rest.length === 0 || readdirSyncSafe(`${dir}/${first}`, rest.join('/'));
}
