// The prospect page's server state: TanStack Query hooks over the typed client.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';

export type Schemas = components['schemas'];
export type ProspectDetail = Schemas['ProspectDetailDto'];
export type GateItem = Schemas['GateItemDto'];
export type Contact = Schemas['ContactView'];
export type Meeting = Schemas['MeetingView'];
export type Brief = Schemas['BriefView'];
export type Offer = Schemas['OfferView'];
export type Defence = Schemas['DefenceView'];
export type Transition = Schemas['StageHistoryEntry'];
export type ContractCase = Schemas['CaseView'];

/** Every query of one prospect starts with this key, so one invalidation refreshes the whole page. */
export const prospectKey = (id: string) => ['prospect', id] as const;

const at = (id: string) => ({ params: { path: { id } } });

export function useProspect(id: string) {
  return useQuery({
    queryKey: [...prospectKey(id), 'detail'],
    queryFn: () => unwrap(api.GET('/api/prospects/{id}', at(id))),
  });
}

export function useTransitions(id: string) {
  return useQuery({
    queryKey: [...prospectKey(id), 'transitions'],
    queryFn: () => unwrap(api.GET('/api/prospects/{id}/transitions', at(id))),
  });
}

export function useContacts(id: string) {
  return useQuery({
    queryKey: [...prospectKey(id), 'contacts'],
    queryFn: () => unwrap(api.GET('/api/prospects/{id}/contacts', at(id))),
  });
}

export function useContactAttempts(id: string, offset: number, limit = 10) {
  return useQuery({
    queryKey: [...prospectKey(id), 'contact-attempts', offset, limit],
    queryFn: () =>
      unwrap(
        api.GET('/api/prospects/{id}/contact-attempts', {
          params: { path: { id }, query: { limit, offset } },
        }),
      ),
  });
}

export function useMeetings(id: string) {
  return useQuery({
    queryKey: [...prospectKey(id), 'meetings'],
    queryFn: () => unwrap(api.GET('/api/prospects/{id}/meetings', at(id))),
  });
}

/** The brief, or null while none is written (the server answers 404). */
export function useBrief(id: string) {
  return useQuery({
    queryKey: [...prospectKey(id), 'brief'],
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/prospects/{id}/brief', at(id)));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useOffers(id: string) {
  return useQuery({
    queryKey: [...prospectKey(id), 'offers'],
    queryFn: () => unwrap(api.GET('/api/prospects/{id}/offers', at(id))),
  });
}

export function useDefences(prospectId: string, offerId: string | undefined) {
  return useQuery({
    queryKey: [...prospectKey(prospectId), 'defences', offerId],
    enabled: !!offerId,
    queryFn: () => unwrap(api.GET('/api/offers/{id}/defences', at(offerId!))),
  });
}

export function useContractCase(prospectId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...prospectKey(prospectId), 'contract'],
    enabled,
    // The case is opened by the contracts service a moment after the defence (a job): look again until it is there.
    refetchInterval: (query) => (query.state.data === null ? 2000 : false),
    queryFn: async () => {
      const page = await unwrap(api.GET('/api/contracts', { params: { query: { prospectId } } }));
      const found = page.items[0];
      return found ? unwrap(api.GET('/api/contracts/{id}', at(found.id))) : null;
    },
  });
}

export function useLostReasons() {
  return useQuery({
    queryKey: ['lost-reasons'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/prospects/lost-reasons')),
  });
}

export function useProductLines() {
  return useQuery({
    queryKey: ['product-lines'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/product-lines', { params: { query: { limit: 100 } } })),
  });
}

/** After a write: the prospect's page and the board are read again. */
export function useRefreshProspect(id: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: prospectKey(id) }),
      client.invalidateQueries({ queryKey: ['board'] }),
    ]);
}

/** A nullable string field of an answer (some are typed loosely by the generated schema). */
export const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);
