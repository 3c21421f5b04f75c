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

/** Puts the signed-in user's new state (after a password change, a lock or an unlock) in the cache. */
function useSetSession() {
  const queryClient = useQueryClient();
  return (user: SessionUser) => queryClient.setQueryData<SessionUser | null>(queryKeys.auth.session, user);
}

/** The signed-in user's own password change; clears "must change" (the app then continues). */
export function useChangePassword() {
  const setSession = useSetSession();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => api.auth.changePassword(input),
    onSuccess: setSession,
  });
}

/** Locks this window's session (idle, or 锁定 in the user menu): the lock screen shows. */
export function useLockSession() {
  const setSession = useSetSession();
  return useMutation({ mutationFn: () => api.auth.lock({}), onSuccess: setSession });
}

/** The user's password unlocks the window; what failed while it was locked is fetched again. */
export function useUnlockSession() {
  const queryClient = useQueryClient();
  const setSession = useSetSession();
  return useMutation({
    mutationFn: (password: string) => api.auth.unlock({ password }),
    onSuccess: async (user) => {
      setSession(user);
      await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'system' });
    },
  });
}
