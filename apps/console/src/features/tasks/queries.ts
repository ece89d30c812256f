// The task desk's server state. Every key starts with TASKS_KEY, so one invalidation (a write, or a task event on
// the notification stream) refreshes the desk, the open task and the case pages' task lists.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';

export type Task = components['schemas']['TaskView'];
export type TaskDetail = components['schemas']['TaskDetailView'];
export type TaskGroup = Task['group'];

export const TASKS_KEY = ['tasks'] as const;
/** The contract cases' keys (the case page reads its tasks through the case). */
export const CONTRACTS_KEY = ['contracts'] as const;
export const TASK_PAGE_SIZE = 20;

export type DueFilter = 'all' | 'today' | 'overdue' | 'escalated';
export const DUE_FILTERS: DueFilter[] = ['all', 'today', 'overdue', 'escalated'];

export interface TaskFilters {
  due: DueFilter;
  status?: 'claimed' | 'done';
  page: number;
}

/** The end of the person's local day, the bound of "due today" (the server compares moments, not dates). */
export function endOfToday(now = new Date()): string {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end.toISOString();
}

function filterQuery(filters: TaskFilters) {
  return {
    limit: TASK_PAGE_SIZE,
    offset: (filters.page - 1) * TASK_PAGE_SIZE,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.due === 'today' ? { dueBy: endOfToday() } : {}),
    ...(filters.due === 'overdue' ? { overdue: true } : {}),
    ...(filters.due === 'escalated' ? { escalated: true } : {}),
  };
}

export function useTaskGroups() {
  return useQuery({
    queryKey: [...TASKS_KEY, 'groups'],
    queryFn: () => unwrap(api.GET('/api/tasks/groups')),
    staleTime: 60_000,
  });
}

/** The people a task of the group can be given to, by name (for the reassign dialog of a group lead). */
export function useGroupMembers(group: TaskGroup, enabled: boolean) {
  return useQuery({
    queryKey: [...TASKS_KEY, 'members', group],
    enabled,
    queryFn: () => unwrap(api.GET('/api/tasks/groups/{group}/members', { params: { path: { group } } })),
    staleTime: 60_000,
  });
}

export function useMyTasks(filters: TaskFilters) {
  return useQuery({
    queryKey: [...TASKS_KEY, 'mine', filters],
    queryFn: () => unwrap(api.GET('/api/tasks/mine', { params: { query: filterQuery(filters) } })),
    placeholderData: keepPreviousData,
  });
}

export function useQueue(group: TaskGroup | null, filters: TaskFilters) {
  return useQuery({
    queryKey: [...TASKS_KEY, 'queue', group, filters],
    enabled: group !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/tasks/queue', {
          params: { query: { ...filterQuery(filters), group: group!, unassigned: true } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string | null) {
  return useQuery({
    queryKey: [...TASKS_KEY, 'one', id],
    enabled: id !== null,
    queryFn: () => unwrap(api.GET('/api/tasks/{id}', { params: { path: { id: id! } } })),
  });
}

/** Every task write reloads the desk and the cases (a done task unblocks others and changes what blocks signing). */
export function useTaskWrite<I>(write: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: TASKS_KEY }),
        client.invalidateQueries({ queryKey: CONTRACTS_KEY }),
      ]),
  });
}

const at = (id: string) => ({ params: { path: { id } } });

export const taskCommands = {
  claim: (id: string) => unwrap(api.POST('/api/tasks/{id}/claim', at(id))),
  /** One write: done, with the result when given (kept with the task). */
  complete: (v: { id: string; result: string }) =>
    unwrap(api.POST('/api/tasks/{id}/complete', { ...at(v.id), body: v.result.trim() ? { result: v.result } : {} })),
  giveBack: (v: { id: string; reason: string }) =>
    unwrap(api.POST('/api/tasks/{id}/return', { ...at(v.id), body: { reason: v.reason } })),
  reassign: (v: { id: string; assigneeId: string }) =>
    unwrap(api.POST('/api/tasks/{id}/reassign', { ...at(v.id), body: { assigneeId: v.assigneeId } })),
  comment: (v: { id: string; body: string }) =>
    unwrap(api.POST('/api/tasks/{id}/comments', { ...at(v.id), body: { body: v.body } })),
  linkDocument: (v: { id: string; title: string; url: string }) =>
    unwrap(api.POST('/api/tasks/{id}/documents', { ...at(v.id), body: { title: v.title, url: v.url } })),
};
