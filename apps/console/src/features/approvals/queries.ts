import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';

export type RequestSummary = components['schemas']['RequestSummaryView'];
export type RequestDetail = components['schemas']['RequestDetailView'];
export type Step = components['schemas']['StepView'];
export type Delegation = components['schemas']['DelegationView'];
export type SubjectKind = RequestSummary['subjectKind'];
export type RequestStatus = RequestSummary['status'];
export type ContractCase = components['schemas']['CaseView'];
export type Offer = components['schemas']['OfferView'];

/** Every query of this feature starts with this key: the live stream and every decision refresh them all. */
export const APPROVALS_KEY = ['approvals'] as const;

export interface PageParams {
  limit: number;
  offset: number;
}

/** What waits for my decision (my role and unit, delegations to me, escalations to me). */
export function usePending(page: PageParams, subjectKind?: SubjectKind) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'pending', page, subjectKind ?? null],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/approvals/pending', { params: { query: { ...page, ...(subjectKind ? { subjectKind } : {}) } } }),
      ),
  });
}

export interface ListFilters {
  status?: RequestStatus;
  subjectKind?: SubjectKind;
  mine?: boolean;
}

/** Requests I may see, newest first: my own (mine), or the decided ones (history). */
export function useRequests(page: PageParams, filters: ListFilters) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'list', page, filters],
    placeholderData: keepPreviousData,
    queryFn: () =>
      unwrap(
        api.GET('/api/approvals', {
          params: {
            query: {
              ...page,
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.subjectKind ? { subjectKind: filters.subjectKind } : {}),
              ...(filters.mine ? { mine: 'true' as const } : {}),
            },
          },
        }),
      ),
  });
}

export function useRequest(id: string) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/approvals/{id}', { params: { path: { id } } })),
  });
}

/** Whether the server lists this request among those I may decide now (it is the authority on eligibility). */
export function useDecidable(request: RequestSummary): boolean | null {
  const pending = useQuery({
    queryKey: [...APPROVALS_KEY, 'pending', 'kind', request.subjectKind],
    enabled: request.status === 'pending',
    queryFn: () =>
      unwrap(
        api.GET('/api/approvals/pending', {
          params: { query: { limit: 100, offset: 0, subjectKind: request.subjectKind } },
        }),
      ),
  });
  if (request.status !== 'pending') return false;
  // Unknown (null) until the server answered: the page shows no decision rather than a wrong one.
  return pending.data ? pending.data.items.some((i) => i.id === request.id) : null;
}

export type Decision =
  { kind: 'approve' | 'reject'; stepIndex: number; comment: string } | { kind: 'recall'; comment: string };

/** Approve, reject or recall; whatever the outcome (a lost race answers 409), every approvals query reads again. */
export function useDecide(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (d: Decision) => {
      const path = { params: { path: { id } } };
      const comment = d.comment.trim();
      if (d.kind === 'recall') {
        return unwrap(api.POST('/api/approvals/{id}/recall', { ...path, body: comment ? { comment } : {} }));
      }
      if (d.kind === 'reject') {
        return unwrap(api.POST('/api/approvals/{id}/reject', { ...path, body: { stepIndex: d.stepIndex, comment } }));
      }
      return unwrap(
        api.POST('/api/approvals/{id}/approve', {
          ...path,
          body: { stepIndex: d.stepIndex, ...(comment ? { comment } : {}) },
        }),
      );
    },
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: APPROVALS_KEY }),
        client.invalidateQueries({ queryKey: ['home'] }),
      ]),
  });
}

export function useDelegations(role: 'given' | 'received', page: PageParams) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'delegations', role, page],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/approvals/delegations', { params: { query: { role, ...page } } })),
  });
}

/** Delegations to me running now: they make me an approver on someone's behalf. */
export function useActingFor(enabled = true) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'delegations', 'acting'],
    enabled,
    staleTime: 60_000,
    queryFn: () =>
      unwrap(
        api.GET('/api/approvals/delegations', {
          params: { query: { role: 'received', activeAt: new Date().toISOString(), limit: 100, offset: 0 } },
        }),
      ),
  });
}

export function useCreateDelegation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { delegateId: string; startsAt: string; endsAt: string }) =>
      unwrap(api.POST('/api/approvals/delegations', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: APPROVALS_KEY }),
  });
}

export function useRevokeDelegation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/approvals/delegations/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: APPROVALS_KEY }),
  });
}

// The subjects, read from their own services through the gateway (the request's snapshot holds what was submitted).

export function useContractCase(id: string) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'subject', 'case', id],
    queryFn: () => unwrap(api.GET('/api/contracts/{id}', { params: { path: { id } } })),
  });
}

export function useOfferVersions(prospectId: string) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'subject', 'offers', prospectId],
    queryFn: () => unwrap(api.GET('/api/prospects/{id}/offers', { params: { path: { id: prospectId } } })),
  });
}

/** The prospect's brief (its needs); null when the server has none. */
export function useBriefNeeds(prospectId: string) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'subject', 'brief', prospectId],
    queryFn: async () => {
      try {
        const brief = await unwrap(api.GET('/api/prospects/{id}/brief', { params: { path: { id: prospectId } } }));
        return brief.needs;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
