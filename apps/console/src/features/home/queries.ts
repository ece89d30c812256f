import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** The browser's own day (its time zone) as instants: midnight today to midnight tomorrow. */
export function localDay(now = new Date()): { from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

const HOME_KEY = ['home'] as const;

export function useAgenda(enabled: boolean) {
  const day = localDay();
  return useQuery({
    queryKey: [...HOME_KEY, 'agenda', day.from],
    enabled,
    queryFn: () => unwrap(api.GET('/api/prospects/agenda', { params: { query: day } })),
  });
}

export function usePendingApprovals(enabled: boolean) {
  return useQuery({
    queryKey: [...HOME_KEY, 'approvals'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/approvals/pending', { params: { query: { limit: 5 } } })),
  });
}

export function useMyTasks(enabled: boolean) {
  return useQuery({
    queryKey: [...HOME_KEY, 'tasks-mine'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/tasks/mine', { params: { query: { limit: 100 } } })),
  });
}

export type TaskGroup = 'legal' | 'accounting' | 'delivery';

/** A group's tasks nobody has claimed yet. */
export function useGroupQueue(group: TaskGroup) {
  return useQuery({
    queryKey: [...HOME_KEY, 'tasks-queue', group],
    queryFn: () =>
      unwrap(api.GET('/api/tasks/queue', { params: { query: { group, unassigned: true, status: 'open', limit: 5 } } })),
  });
}

export function useCompanyCounts(enabled: boolean) {
  return useQuery({
    queryKey: [...HOME_KEY, 'company-counts'],
    enabled,
    queryFn: async () => {
      const [users, units] = await Promise.all([
        unwrap(api.GET('/api/users', { params: { query: { limit: 1 } } })),
        unwrap(api.GET('/api/units', { params: { query: { limit: 1 } } })),
      ]);
      return { users: users.total, units: units.total };
    },
  });
}
