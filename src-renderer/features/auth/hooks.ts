import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { SessionUser } from '../../../src-shared/contract';
import { api, onEvent, queryKeys } from '../../api';

export function useSession() {
  return useQuery({ queryKey: queryKeys.auth.session, queryFn: () => api.auth.session(), staleTime: Infinity });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => api.auth.signIn(input),
    onSuccess: (user) => {
      queryClient.setQueryData<SessionUser | null>(queryKeys.auth.session, user);
    },
  });
}

/** Drops every cached query that belonged to the session, keeping only first-run status. */
function forgetSession(queryClient: ReturnType<typeof useQueryClient>) {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'system' && q.queryKey[0] !== 'auth' });
  queryClient.setQueryData<SessionUser | null>(queryKeys.auth.session, null);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.auth.signOut(),
    onSettled: () => forgetSession(queryClient),
  });
}

/** Main ends a session (signed out elsewhere, account disabled): back to the sign-in page. */
export function useSessionEvents() {
  const queryClient = useQueryClient();
  useEffect(() => onEvent('session.ended', () => forgetSession(queryClient)), [queryClient]);
}
