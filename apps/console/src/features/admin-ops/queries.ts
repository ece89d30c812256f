import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';

export type Webhook = components['schemas']['WebhookRecord'];
export type Delivery = components['schemas']['DeliveryRecord'];
export type ApiKey = components['schemas']['ApiKeyView'];
export type CreatedApiKey = components['schemas']['CreatedApiKey'];
export type AuditEntry = components['schemas']['AuditRecord'];
export type DeadLetter = components['schemas']['DeadLetter'];
export type SystemStatus = components['schemas']['SystemStatus'];
export type OpsService = 'gateway' | 'prospects' | 'approvals' | 'contracts' | 'notifications';
export type AuditEvent = NonNullable<AuditEntry['event']>;

export const OPS_SERVICES: OpsService[] = ['gateway', 'prospects', 'approvals', 'contracts', 'notifications'];
const KEY = ['adminOps'] as const;

export interface Page {
  limit: number;
  offset: number;
}

export function useSystemStatus() {
  return useQuery({
    queryKey: [...KEY, 'system'],
    queryFn: () => unwrap(api.GET('/api/system/status', {})),
  });
}

export function useWebhooks(page: Page) {
  return useQuery({
    queryKey: [...KEY, 'webhooks', page],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/webhooks', { params: { query: page } })),
  });
}

/** The delivery log; while a delivery is still pending it reads again every two seconds. */
export function useDeliveries(id: string, page: Page) {
  return useQuery({
    queryKey: [...KEY, 'deliveries', id, page],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/webhooks/{id}/deliveries', { params: { path: { id }, query: page } })),
    refetchInterval: (query) =>
      query.state.data?.items.some((d) => d.status === 'pending' || d.status === 'delivering') ? 2000 : false,
  });
}

export interface WebhookInput {
  url: string;
  eventTypes: string[];
  secret: string;
  description: string;
}

export function useSaveWebhook(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: WebhookInput) => {
      const description = input.description.trim();
      type Events = components['schemas']['CreateWebhookDto']['eventTypes'];
      const eventTypes = input.eventTypes as Events;
      if (id === null) {
        return unwrap(
          api.POST('/api/webhooks', {
            body: { url: input.url, eventTypes, secret: input.secret, ...(description ? { description } : {}) },
          }),
        );
      }
      return unwrap(
        api.PATCH('/api/webhooks/{id}', {
          params: { path: { id } },
          body: { url: input.url, eventTypes, description, ...(input.secret ? { secret: input.secret } : {}) },
        }),
      );
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'webhooks'] }),
  });
}

export function useSetWebhookActive() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      unwrap(api.PATCH('/api/webhooks/{id}', { params: { path: { id } }, body: { active } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'webhooks'] }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/webhooks/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'webhooks'] }),
  });
}

export function useSendTest(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/webhooks/{id}/test', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'deliveries', id] }),
  });
}

export function useApiKeys(page: Page) {
  return useQuery({
    queryKey: [...KEY, 'apiKeys', page],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/auth/api-keys', { params: { query: page } })),
  });
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; roles: ApiKey['roles'] }) => unwrap(api.POST('/api/auth/api-keys', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'apiKeys'] }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/auth/api-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'apiKeys'] }),
  });
}

/** The audit list's filters; `from`/`to` are moments (ISO 8601), `from` included, `to` excluded. */
export interface AuditFilters {
  event?: AuditEvent;
  actorUserId?: string;
  from?: string;
  to?: string;
}

export function useAudit(page: Page, filters: AuditFilters) {
  return useQuery({
    queryKey: [...KEY, 'audit', page, filters],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/auth/audit', {
          params: {
            query: {
              ...page,
              ...(filters.event ? { event: filters.event } : {}),
              ...(filters.actorUserId ? { actorUserId: filters.actorUserId } : {}),
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
            },
          },
        }),
      ),
  });
}

/** The paths differ per service in the generated client; one request shape serves them all. */
const deadLetterPath = (service: OpsService) => `/api/ops/${service}/dead-letters` as '/api/ops/gateway/dead-letters';
const replayPath = (service: OpsService) =>
  `/api/ops/${service}/dead-letters/{id}/replay` as '/api/ops/gateway/dead-letters/{id}/replay';

export function useDeadLetters(service: OpsService, page: Page, includeReplayed: boolean) {
  return useQuery({
    queryKey: [...KEY, 'deadLetters', service, page, includeReplayed],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET(deadLetterPath(service), { params: { query: { ...page, includeReplayed } } })),
  });
}

export function useReplay(service: OpsService) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST(replayPath(service), { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'deadLetters', service] }),
  });
}
