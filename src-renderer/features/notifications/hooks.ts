import { notifications as toasts } from '@mantine/notifications';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contract, InputOf } from '../../../src-shared/contract';
import { api, onEvent, queryKeys } from '../../api';
import { headline } from '../../../src-shared/domain/notifications';
import { KIND_COLORS, notificationText } from './notificationText';

/** The centre lists the latest ones; older ones are history nobody scrolls to. */
const LIMIT = 50;

const listQuery = queryOptions({
  queryKey: queryKeys.notifications.list,
  queryFn: () => api.notifications.list({ limit: LIMIT }),
  // Pushed events refresh it; the interval covers a web socket that was down for a while.
  staleTime: 30_000,
  refetchInterval: 120_000,
});

/** The signed-in user's latest notifications and how many are unread. */
export function useNotifications() {
  return useQuery(listQuery);
}

export type MarkReadInput = InputOf<Contract['notifications']['markRead']>;

/** Marks some (or all) read; main answers with the refreshed page, which replaces the cached one. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkReadInput) => api.notifications.markRead(input),
    onSuccess: (page) => {
      queryClient.setQueryData(queryKeys.notifications.list, page);
    },
  });
}

/**
 * 'notifications.created' names the users it concerns: for the signed-in one, refresh the
 * list and announce the news's headline (the most severe of the latest check) in a toast.
 * The toast reads a list just fetched: when the fetch fails there is no toast, since the
 * cached list would announce the previous news again.
 */
export function useNotificationEvents(userId: number | undefined) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  useEffect(() => {
    if (userId === undefined) return undefined;
    return onEvent('notifications.created', ({ userIds }) => {
      if (!userIds.includes(userId)) return;
      void (async () => {
        // A fetch already under way may have left before this news was written: drop it.
        // staleTime 0 then makes this a real fetch, which throws when it fails.
        await queryClient.cancelQueries({ queryKey: queryKeys.notifications.list });
        const page = await queryClient.fetchQuery({ ...listQuery, staleTime: 0 });
        const toast = headline(page.items);
        if (!toast) return;
        const text = notificationText(t, toast.notification);
        const message = toast.others > 0 ? t('notifications.andMore', { text, count: toast.others }) : text;
        toasts.show({ title: t('notifications.title'), message, color: KIND_COLORS[toast.notification.kind], autoClose: 8000 });
      })().catch(() => {
        // Failed or superseded by newer news: the bell shows a failure when it is opened, and
        // a toast about a toast is noise.
      });
    });
  }, [queryClient, t, userId]);
}
