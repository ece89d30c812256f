// The console's session. The access token lives only in memory; the refresh token is an HttpOnly, SameSite=Strict
// cookie scoped to /api/auth that script cannot read (see apps/gateway/SECURITY.md, "Console session"). A reload
// restores the session by one refresh call.
import type { paths } from './schema.gen';

export type Me = paths['/api/auth/me']['get']['responses'][200] extends { content: { 'application/json': infer J } }
  ? J
  : { id: string; name: string; email: string; roles: string[]; unitId: string | null };

export type SessionState =
  | { status: 'unknown' }
  | { status: 'anonymous'; reason?: 'expired' | 'logged-out' }
  | { status: 'active'; accessToken: string; me: Me };

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
}

type Listener = () => void;
let state: SessionState = { status: 'unknown' };
const listeners = new Set<Listener>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<string | null> | undefined;

function set(next: SessionState): void {
  state = next;
  listeners.forEach((l) => l());
}

export const session = {
  get: (): SessionState => state,
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  token: (): string | null => (state.status === 'active' ? state.accessToken : null),
};

async function post(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function loadMe(accessToken: string): Promise<Me> {
  const answer = await fetch('/api/auth/me', { headers: { authorization: `Bearer ${accessToken}` } });
  if (!answer.ok) throw new Error(`me: ${answer.status}`);
  return (await answer.json()) as Me;
}

/** Takes a fresh pair: remembers the access token and refreshes it a minute before it expires. */
async function adopt(tokens: TokenAnswer): Promise<void> {
  const me = await loadMe(tokens.accessToken);
  set({ status: 'active', accessToken: tokens.accessToken, me });
  clearTimeout(refreshTimer);
  const inMs = Math.max(5, tokens.expiresIn - 60) * 1000;
  refreshTimer = setTimeout(() => void refresh(), inMs);
}

/** One refresh at a time, however many calls found their token expired; null when the session is over. */
export function refresh(): Promise<string | null> {
  refreshing ??= (async () => {
    try {
      const answer = await post('/api/auth/refresh', {});
      if (!answer.ok) {
        const wasActive = state.status === 'active';
        set({ status: 'anonymous', reason: wasActive ? 'expired' : undefined });
        return null;
      }
      await adopt((await answer.json()) as TokenAnswer);
      return session.token();
    } catch {
      set({ status: 'anonymous', reason: state.status === 'active' ? 'expired' : undefined });
      return null;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

/** At start: a refresh cookie from an earlier visit gives the session back without a login. */
export function restore(): Promise<string | null> {
  return refresh();
}

export async function login(email: string, password: string): Promise<Response> {
  const answer = await post('/api/auth/login', { email, password });
  if (answer.ok) await adopt((await answer.clone().json()) as TokenAnswer);
  return answer;
}

export async function logout(): Promise<void> {
  clearTimeout(refreshTimer);
  await post('/api/auth/logout', {}).catch(() => undefined);
  set({ status: 'anonymous', reason: 'logged-out' });
}

/** After a password change every session ends on the server; the console logs in again with the new one. */
export function endLocally(reason: 'expired' | 'logged-out'): void {
  clearTimeout(refreshTimer);
  set({ status: 'anonymous', reason });
}

export function updateMe(me: Me): void {
  if (state.status === 'active') set({ ...state, me });
}
