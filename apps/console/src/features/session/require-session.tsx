import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../../components/states';
import { useSession } from '../../components/use-session';

/** Pages behind a login: waits for the session to be restored, sends the person to log in or to change a password. */
export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'unknown') return <Loading />;
  if (state.status === 'anonymous') {
    if (state.reason === 'expired') return <Navigate to="/session-expired" replace />;
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  const mustChange = (state.me as { mustChangePassword?: boolean }).mustChangePassword === true;
  if (mustChange && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return children;
}
