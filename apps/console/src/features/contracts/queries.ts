// The contract desk's server state: case lists and pages over the typed client; writes reload cases and tasks.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, operations } from '../../api/schema.gen';
import { Sort, sortParam } from '../../components/sort';
import { CONTRACTS_KEY, TASKS_KEY } from '../tasks/queries';

export type CaseSummary = components['schemas']['CaseSummaryView'];
export type ContractCase = components['schemas']['CaseView'];
export type CaseTask = components['schemas']['CaseTaskView'];
export type Terms = components['schemas']['ContractTermsBody'];

export const CASE_PAGE_SIZE = 20;
/** The fields GET /api/contracts sorts by (`sort`, `-` for descending). */
export const CASE_SORT_FIELDS = ['companyName', 'nextDueAt', 'openedAt'] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];
/** The server's order without `sort`: the soonest due first, so overdue cases lead. */
export const CASE_DEFAULT_SORT: Sort<CaseSortField> = { field: 'nextDueAt', descending: false };
type CaseSortParam = NonNullable<NonNullable<operations['CasesController_list']['parameters']['query']>['sort']>;

export interface CaseFilters {
  status?: 'open' | 'signed';
  productLineId?: string;
  /** What the person chose; none keeps the server's default order. */
  sort?: Sort<CaseSortField>;
  page: number;
}

export function useCases(filters: CaseFilters) {
  return useQuery({
    queryKey: [...CONTRACTS_KEY, 'list', filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/contracts', {
          params: {
            query: {
              limit: CASE_PAGE_SIZE,
              offset: (filters.page - 1) * CASE_PAGE_SIZE,
              // The field is one of CASE_SORT_FIELDS, so the text is one of the values the API accepts.
              ...(filters.sort ? { sort: sortParam(filters.sort) as CaseSortParam } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.productLineId ? { productLineId: filters.productLineId } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

const at = (id: string) => ({ params: { path: { id } } });

/**
 * One case. The notification stream reloads it when something happens (a decision on my request, a task); while its
 * deviation approval is pending it is also read again every 15 s, since the decision reaches this service and my
 * inbox separately and the notification may come first.
 */
export function useCase(id: string) {
  return useQuery({
    queryKey: [...CONTRACTS_KEY, 'one', id],
    queryFn: () => unwrap(api.GET('/api/contracts/{id}', at(id))),
    refetchInterval: (query) => (query.state.data?.deviationApproval?.status === 'pending' ? 15_000 : false),
  });
}

/** The details (comments, documents) of the case's tasks, for the case's activity section. */
export function useCaseTaskDetails(tasks: readonly CaseTask[]) {
  return useQueries({
    queries: tasks.map((task) => ({
      queryKey: [...TASKS_KEY, 'one', task.id],
      queryFn: () => unwrap(api.GET('/api/tasks/{id}', at(task.id))),
    })),
  });
}

function useCaseWrite<I>(write: (input: I) => Promise<ContractCase>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: CONTRACTS_KEY }),
        client.invalidateQueries({ queryKey: TASKS_KEY }),
      ]),
  });
}

export function useEditTerms(id: string) {
  return useCaseWrite((v: { terms: Terms; revision: number }) =>
    unwrap(api.PUT('/api/contracts/{id}/terms', { ...at(id), body: v })),
  );
}

export function useRequestApproval(id: string) {
  return useCaseWrite(() => unwrap(api.POST('/api/contracts/{id}/deviation-approval', at(id))));
}

export function useSign(id: string) {
  return useCaseWrite((body: components['schemas']['SignContractDto']) =>
    unwrap(api.POST('/api/contracts/{id}/sign', { ...at(id), body })),
  );
}
