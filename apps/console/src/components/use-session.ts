import { useSyncExternalStore } from 'react';
import { Me, SessionState, session } from '../api/session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.get);
}

/** The signed-in user; only for components under RequireSession. */
export function useMe(): Me {
  const state = useSession();
  if (state.status !== 'active') throw new Error('useMe outside an active session');
  return state.me;
}

export function hasRole(me: Me, ...roles: string[]): boolean {
  return me.roles.some((role) => roles.includes(role));
}
