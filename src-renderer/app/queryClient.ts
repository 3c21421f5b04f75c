import { QueryCache, QueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../src-shared/contract';
import { isApiError, queryKeys } from '../api';

/** Domain errors are answers, not hiccups: only unknown failures are retried, once. */
function retry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.code !== 'INTERNAL') return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        // The session ended under us (web host restarted, signed out elsewhere): sign in again.
        if (isApiError(error) && error.code === 'UNAUTHENTICATED') {
          client.setQueryData<SessionUser | null>(queryKeys.auth.session, null);
        }
      },
    }),
    defaultOptions: {
      queries: { retry, refetchOnWindowFocus: false, staleTime: 15_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
