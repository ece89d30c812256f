import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { hasRole, useMe } from '../../components/use-session';

export type Colleague = components['schemas']['UnitMemberDto'];

/**
 * The colleagues I may look up (the owner: every unit's members; a head: their unit's). Nobody else's names are
 * readable (identity keeps them), so everyone else is "a colleague".
 */
export function useColleagues() {
  const me = useMe();
  const owner = hasRole(me, 'owner');
  const head = hasRole(me, 'sales_head');
  const units = useQuery({
    queryKey: ['units', 'list'],
    enabled: owner,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/units', { params: { query: { limit: 100, offset: 0 } } })),
  });
  const unitIds = owner ? (units.data?.items.map((u) => u.id) ?? []) : head && me.unitId ? [me.unitId] : [];
  const members = useQueries({
    queries: unitIds.map((id) => ({
      queryKey: ['units', id, 'members'],
      staleTime: 60_000,
      queryFn: () => unwrap(api.GET('/api/units/{id}/members', { params: { path: { id } } })),
    })),
  });
  const people = new Map<string, Colleague>();
  for (const query of members) for (const person of query.data ?? []) people.set(person.id, person);
  return {
    /** Everyone but me, by name. */
    list: [...people.values()].filter((p) => p.id !== me.id).sort((a, b) => a.name.localeCompare(b.name)),
    isPending: (owner && units.isPending) || members.some((q) => q.isPending),
    byId: people,
  };
}

/** A person's name as this viewer may say it: "you", their name, or "a colleague". */
export function useNameOf() {
  const me = useMe();
  const { t } = useTranslation('approvals');
  const { byId } = useColleagues();
  return (id: string | null | undefined): string => {
    if (!id) return t('people.nobody');
    if (id === me.id) return t('people.you');
    return byId.get(id)?.name ?? t('people.colleague');
  };
}
