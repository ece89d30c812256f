// The company set-up's server state: users, units, product lines, norms, early-warning rules, lost reasons. Every key
// starts with ADMIN_ORG_KEY's resource, so a write reloads what it changed (a new head moves into the unit too).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';

type Schemas = components['schemas'];
export type User = Schemas['UserView'];
export type Role = User['roles'][number];
export type Unit = Schemas['UnitView'];
export type UnitMember = Schemas['UnitMemberDto'];
export type ProductLine = Schemas['ProductLineView'];
export type StageKey = keyof Schemas['StageLimitDaysDto'];
export type Norm = Schemas['NormSettingView'];
export type WarningRule = Schemas['WarningRuleSettingView'];
export type LostReason = Schemas['LostReasonEntry'];
export type NewUser = Schemas['CreateUserDto'];
export type UserChange = Schemas['UpdateUserDto'];
export type ProductLineInput = Schemas['CreateProductLineDto'];

export const ROLES: Role[] = ['admin', 'owner', 'sales_head', 'salesperson', 'legal', 'accounting'];
export const TASK_GROUPS = ['legal', 'accounting', 'delivery'] as const;
/** The funnel's six stages in order (their names are the common catalogue's `stages.*`). */
export const STAGES: StageKey[] = [
  'sampling',
  'primary_contact',
  'needs_identification',
  'offer_formation',
  'offer_defence',
  'contract',
];
export const PAGE_SIZE = 20;

/** What the user form sends (the generated types spell a nullable id and the groups more loosely than this). */
export interface UserInput {
  name: string;
  roles: Role[];
  unitId: string | null;
  groups: string[];
  leadOf: string[];
}

const USERS = ['admin-org', 'users'] as const;
const UNITS = ['admin-org', 'units'] as const;
const LINES = ['admin-org', 'product-lines'] as const;
const NORMS = ['admin-org', 'norms'] as const;
const RULES = ['admin-org', 'rules'] as const;
const REASONS = ['admin-org', 'lost-reasons'] as const;

export interface UserFilters {
  role?: Role;
  unitId?: string;
  active?: boolean;
  q?: string;
  page: number;
}

export function useUsers(filters: UserFilters) {
  const { page, ...rest } = filters;
  return useQuery({
    queryKey: [...USERS, filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/users', {
          params: { query: { ...rest, q: rest.q || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...USERS, 'one', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/users/{id}', { params: { path: { id: id! } } })),
  });
}

/** Every unit, open and closed (a company has a handful; the largest page is enough). */
export function useUnits() {
  return useQuery({
    queryKey: [...UNITS, 'all'],
    queryFn: () => unwrap(api.GET('/api/units', { params: { query: { limit: 200 } } })),
  });
}

export function useUnitMembers(unitId: string | null) {
  return useQuery({
    queryKey: [...UNITS, 'members', unitId],
    enabled: unitId !== null,
    queryFn: () => unwrap(api.GET('/api/units/{id}/members', { params: { path: { id: unitId! } } })),
  });
}

/** The names of the people who head units (the unit list shows them). */
export function useUserNames(ids: string[]) {
  return useQuery({
    queryKey: [...USERS, 'names', ids],
    enabled: ids.length > 0,
    queryFn: async () => {
      const users = await Promise.all(
        ids.map((id) => unwrap(api.GET('/api/users/{id}', { params: { path: { id } } }))),
      );
      return new Map(users.map((u) => [u.id, u.name]));
    },
  });
}

export function useProductLines(page: number) {
  return useQuery({
    queryKey: [...LINES, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/product-lines', { params: { query: { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE } } }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useProductLine(id: string | null) {
  return useQuery({
    queryKey: [...LINES, 'one', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/product-lines/{id}', { params: { path: { id: id! } } })),
  });
}

export function useNorms() {
  return useQuery({
    queryKey: NORMS,
    queryFn: () => unwrap(api.GET('/api/analytics/settings/norms')) as Promise<Norm[]>,
  });
}

export function useWarningRules() {
  return useQuery({
    queryKey: RULES,
    queryFn: () =>
      unwrap(api.GET('/api/analytics/settings/early-warning-rules', { params: { query: { limit: 200 } } })) as Promise<{
        items: WarningRule[];
        total: number;
      }>,
  });
}

export function useLostReasons() {
  return useQuery({ queryKey: REASONS, queryFn: () => unwrap(api.GET('/api/prospects/lost-reasons')) });
}

/** A write that reloads the lists it touches. */
function useWrite<I, O>(write: (input: I) => Promise<O>, keys: readonly (readonly string[])[]) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}

const at = (id: string) => ({ params: { path: { id } } });

export const useCreateUser = () =>
  useWrite(
    (body: UserInput & Pick<NewUser, 'email' | 'password'>) =>
      unwrap(api.POST('/api/users', { body: body as NewUser })),
    [USERS, UNITS],
  );
export const useUpdateUser = () =>
  useWrite(
    ({ id, ...body }: UserInput & { id: string; version: number }) =>
      unwrap(api.PATCH('/api/users/{id}', { ...at(id), body: body as UserChange })),
    [USERS, UNITS],
  );
export const useSetActive = () =>
  useWrite(
    ({ id, active }: { id: string; active: boolean }) =>
      active
        ? unwrap(api.POST('/api/users/{id}/activate', at(id)))
        : unwrap(api.POST('/api/users/{id}/deactivate', at(id))),
    [USERS, UNITS],
  );
export const useResetPassword = () =>
  useWrite(
    ({ id, password }: { id: string; password: string }) =>
      unwrap(api.POST('/api/users/{id}/password', { ...at(id), body: { password } })),
    [USERS],
  );

export const useCreateUnit = () =>
  useWrite((body: { name: string }) => unwrap(api.POST('/api/units', { body })), [UNITS]);
export const useUpdateUnit = () =>
  useWrite(
    ({ id, ...body }: { id: string; version: number; name?: string; headUserId?: string | null; active?: boolean }) =>
      unwrap(api.PATCH('/api/units/{id}', { ...at(id), body: body as Schemas['UpdateUnitDto'] })),
    [UNITS, USERS],
  );

export const useSaveProductLine = () =>
  useWrite(
    ({ id, version, ...body }: ProductLineInput & { id?: string; version?: number }) =>
      id && version
        ? unwrap(api.PUT('/api/product-lines/{id}', { ...at(id), body: { ...body, version } }))
        : unwrap(api.POST('/api/product-lines', { body })),
    [LINES],
  );

export const useSaveNorm = () =>
  useWrite(
    ({ norm, ...body }: Omit<Norm, 'updatedAt'>) =>
      unwrap(api.PUT('/api/analytics/settings/norms/{norm}', { params: { path: { norm } }, body })),
    [NORMS],
  );

export const useSaveRule = () =>
  useWrite(
    ({
      id,
      ...body
    }: Omit<WarningRule, 'updatedAt' | 'version' | 'minBriefsPerProspect' | 'threshold'> & {
      version?: number;
      minBriefsPerProspect?: number;
      threshold?: number;
    }) => unwrap(api.PUT('/api/analytics/settings/early-warning-rules/{id}', { ...at(id), body })),
    [RULES],
  );

export const useSaveLostReason = () =>
  useWrite(
    ({ code, ...body }: Schemas['UpsertLostReasonDto'] & { code: string }) =>
      unwrap(api.PUT('/api/prospects/lost-reasons/{code}', { params: { path: { code } }, body })),
    [REASONS],
  );
