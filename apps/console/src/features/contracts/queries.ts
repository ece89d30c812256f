// The contract desk's server state: case lists and pages over the typed client; writes reload cases and tasks.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { CONTRACTS_KEY, TASKS_KEY } from '../tasks/queries';

export type CaseSummary = components['schemas']['CaseSummaryView'];
export type ContractCase = components['schemas']['CaseView'];
export type CaseTask = components['schemas']['CaseTaskView'];
export type Terms = components['schemas']['ContractTermsBody'];
export type CaseSort = 'due' | 'opened' | 'company';

export const CASE_PAGE_SIZE = 20;
export const CASE_SORTS: CaseSort[] = ['due', 'opened', 'company'];

export interface CaseFilters {
  status?: 'open' | 'signed';
  productLineId?: string;
  sort: CaseSort;
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
              sort: filters.sort,
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

export function useCase(id: string) {
  return useQuery({
    queryKey: [...CONTRACTS_KEY, 'one', id],
    queryFn: () => unwrap(api.GET('/api/contracts/{id}', at(id))),
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
