import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../src-shared/contract';
import { isApiError, queryKeys } from '../api';

/** Domain errors are answers, not hiccups: only unknown failures are retried, once. */
function retry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.code !== 'INTERNAL') return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  /**
   * The session changed under us: ended (web host restarted, signed out elsewhere, account
   * disabled) → sign in again; locked (idle elsewhere, or main's own idle timer) or a
   * password to change → ask main for the session, whose state shows the lock or change screen.
   */
  function onSessionError(error: unknown) {
    if (!isApiError(error)) return;
    if (error.code === 'UNAUTHENTICATED') client.setQueryData<SessionUser | null>(queryKeys.auth.session, null);
    if (error.code === 'SESSION_LOCKED' || error.code === 'PASSWORD_CHANGE_REQUIRED') {
      void client.invalidateQueries({ queryKey: queryKeys.auth.session });
    }
  }
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: onSessionError }),
    mutationCache: new MutationCache({ onError: onSessionError }),
    defaultOptions: {
      queries: { retry, refetchOnWindowFocus: false, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
