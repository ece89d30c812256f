// The samples feature's server state: TanStack Query hooks over the typed client.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { toApiError } from '../../api/errors';
import { Sort, sortParam } from '../../components/sort';
import type { components, operations } from '../../api/schema.gen';
import type { BatchAnswer } from './csv-import';

export type Sample = components['schemas']['SampleView'];
export type SampleDetail = components['schemas']['SampleDetailView'];
export type SampleCompany = components['schemas']['SampleCompanyView'];
export type SampleStatus = Sample['status'];
export type Prospect = components['schemas']['Prospect'];
export type UnitMember = components['schemas']['UnitMemberDto'];
type CompanyInput = components['schemas']['CompanyInputDto'];
type RowResult = components['schemas']['CompanyRowResultView'];

export const SAMPLE_STATUSES: SampleStatus[] = ['draft', 'pending_approval', 'approved'];
/** The fields GET /api/samples sorts by (its `sort`, `-` for descending); the server's default is the latest change. */
export const SAMPLE_SORT_FIELDS = ['title', 'productLine', 'status', 'companyCount', 'updatedAt'] as const;
export type SampleSortField = (typeof SAMPLE_SORT_FIELDS)[number];
type SampleSortParam = NonNullable<NonNullable<operations['SampleController_list']['parameters']['query']>['sort']>;
export const PAGE_SIZE = 20;

const keys = {
  samples: ['samples'] as const,
  list: (status: SampleStatus | undefined, page: number, sort: string | undefined) =>
    ['samples', 'list', status ?? 'all', page, sort ?? 'default'] as const,
  one: (id: string) => ['samples', 'one', id] as const,
  prospects: (sampleId: string, page: number) => ['samples', 'prospects', sampleId, page] as const,
};

/** A chosen sort is sent as the API's `sort` (`title`, `-updatedAt`); none keeps the server's default order. */
export function useSamples(status: SampleStatus | undefined, page: number, chosen?: Sort<SampleSortField>) {
  // The field is one of SAMPLE_SORT_FIELDS, so the text is one of the values the API accepts.
  const sort = chosen ? (sortParam(chosen) as SampleSortParam) : undefined;
  return useQuery({
    queryKey: keys.list(status, page, sort),
    queryFn: () =>
      unwrap(
        api.GET('/api/samples', {
          params: {
            query: {
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
              ...(status ? { status } : {}),
              ...(sort ? { sort } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useSample(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: () => unwrap(api.GET('/api/samples/{id}', { params: { path: { id } } })),
  });
}

export function useProductLines() {
  return useQuery({
    queryKey: ['product-lines'],
    queryFn: () => unwrap(api.GET('/api/product-lines', { params: { query: { limit: 100 } } })),
    staleTime: 5 * 60_000,
  });
}

/** The colleagues of a unit (admin, owner, the unit's head may ask); disabled without a unit. */
export function useUnitMembers(unitId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['units', unitId, 'members'],
    queryFn: () => unwrap(api.GET('/api/units/{id}/members', { params: { path: { id: unitId! } } })),
    enabled: !!unitId && enabled,
    staleTime: 60_000,
  });
}

export function useSampleProspects(sampleId: string, page: number, enabled: boolean) {
  return useQuery({
    queryKey: keys.prospects(sampleId, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/prospects', {
          params: { query: { sampleId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
    // Prospects are created a moment after the owner's approval: look again while there are none.
    refetchInterval: (query) => (query.state.data?.total === 0 ? 3000 : false),
  });
}

export function useCreateSample() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['CreateSampleDto']) => unwrap(api.POST('/api/samples', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.samples }),
  });
}

/** Adds companies by hand (the JSON endpoint): the per-row report, or an ApiError (422 holds the report too). */
export function useAddCompanies(sampleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (companies: CompanyInput[]) =>
      unwrap(api.POST('/api/samples/{id}/companies', { params: { path: { id: sampleId } }, body: { companies } })),
    onSettled: () => client.invalidateQueries({ queryKey: keys.samples }),
  });
}

/** One batch of an import, its answer sorted into report / 422 report / 400 fields; anything else throws. */
export async function sendBatch(sampleId: string, companies: CompanyInput[]): Promise<BatchAnswer> {
  const { data, error, response } = await api.POST('/api/samples/{id}/companies', {
    params: { path: { id: sampleId } },
    body: { companies },
  });
  if (response.ok && data) return { kind: 'report', rows: data.rows };
  const body = error;
  const rows = body?.details?.rows;
  if (response.status === 422 && Array.isArray(rows)) {
    return { kind: 'none_accepted', message: body!.message, rows: rows as RowResult[] };
  }
  if (response.status === 400 && body?.fields?.some((f) => f.field.startsWith('companies'))) {
    return { kind: 'invalid', message: body.message, fields: body.fields };
  }
  throw toApiError(response.status, error);
}

/** Reloads the samples (list and pages) after an import. */
export function useInvalidateSamples() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.samples });
}

export function useRemoveCompany(sampleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { companyId: string; version: number }) =>
      unwrap(
        api.DELETE('/api/samples/{id}/companies/{companyId}', {
          params: { path: { id: sampleId, companyId: v.companyId }, query: { version: v.version } },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: keys.samples }),
  });
}

export function useSubmitSample(sampleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/api/samples/{id}/submit', { params: { path: { id: sampleId } }, body: { version } })),
    onSettled: () => client.invalidateQueries({ queryKey: keys.samples }),
  });
}

export function useAssignProspects(sampleId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['BulkAssignDto']) =>
      unwrap(api.POST('/api/prospects/assignments', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['samples', 'prospects', sampleId] }),
  });
}
