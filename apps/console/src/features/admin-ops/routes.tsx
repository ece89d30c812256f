import type { RouteObject } from 'react-router';
import type { AdminSection } from '../admin/admin-section';
import { AdminOnly } from './admin-only';

/** Operations: webhooks, API keys, audit log, dead letters, system. */
export const adminOpsSections: AdminSection[] = [
  { path: 'webhooks', label: 'sections.webhooks' },
  { path: 'api-keys', label: 'sections.apiKeys' },
  { path: 'audit', label: 'sections.audit' },
  { path: 'dead-letters', label: 'sections.deadLetters' },
  { path: 'system', label: 'sections.system' },
];

const guarded =
  (load: () => Promise<() => React.JSX.Element>): RouteObject['lazy'] =>
  async () => {
    const Page = await load();
    return {
      Component: () => (
        <AdminOnly>
          <Page />
        </AdminOnly>
      ),
    };
  };

/** Child routes of /admin (lazy). */
export const adminOpsRoutes: RouteObject[] = [
  { path: 'webhooks', lazy: guarded(async () => (await import('./webhooks-page')).WebhooksPage) },
  { path: 'api-keys', lazy: guarded(async () => (await import('./api-keys-page')).ApiKeysPage) },
  { path: 'audit', lazy: guarded(async () => (await import('./audit-page')).AuditPage) },
  { path: 'dead-letters', lazy: guarded(async () => (await import('./dead-letters-page')).DeadLettersPage) },
  { path: 'system', lazy: guarded(async () => (await import('./system-page')).SystemPage) },
];
