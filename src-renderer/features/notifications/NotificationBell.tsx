import { ActionIcon, Badge, Box, Button, Divider, Group, Popover, ScrollArea, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationView } from '../../../src-shared/contract';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { useMarkRead, useNotificationEvents, useNotifications } from './hooks';
import { newestFirst } from '../../../src-shared/domain/notifications';
import { KIND_COLORS, notificationText } from './notificationText';

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

function NotificationItem({ n, onOpen }: { n: NotificationView; onOpen(n: NotificationView): void }) {
  const { t, i18n } = useTranslation();
  const unread = n.readAt === null;
  return (
    <UnstyledButton
      w="100%"
      px="sm"
      py="xs"
      bg={unread ? 'var(--mantine-primary-color-light)' : undefined}
      style={{ borderLeft: `3px solid ${unread ? `var(--mantine-color-${KIND_COLORS[n.kind] ?? 'gray'}-filled)` : 'transparent'}` }}
      onClick={() => onOpen(n)}
      data-testid="notification-item"
      data-kind={n.kind}
      data-unread={unread}
    >
      <Text size="sm" fw={unread ? 600 : 400} data-testid="notification-text">
        {notificationText(t, n)}
      </Text>
      {n.ticket ? (
        <Text size="xs" c="dimmed" truncate>
          {n.ticket.subject}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {formatDateTime(n.createdAt, i18n.language)}
      </Text>
    </UnstyledButton>
  );
}

/**
 * The header's notification centre: SLA warnings, breaches and escalations for the signed-in
 * user, the unread ones highlighted; opening one marks it read and shows its request.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const list = useNotifications();
  const markRead = useMarkRead();
  const [opened, setOpened] = useState(false);
  useNotificationEvents(session.data?.id);

  const unread = list.data?.unread ?? 0;
  const items = newestFirst(list.data?.items ?? []);
  const label = t('notifications.open', { count: unread });

  function open(n: NotificationView) {
    if (n.readAt === null) markRead.mutate({ ids: [n.id] });
    setOpened(false);
    if (n.ticket) void navigate(`/tickets/${n.ticket.id}`);
    else if (n.kind === 'backup_failed') void navigate('/backup');
    else if (n.kind === 'report_failed') void navigate('/report-schedules');
  }

  return (
    // Focus moves into the panel (so Escape closes it and Tab walks it) and back to the bell after.
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <Box pos="relative">
          <Tooltip label={label} disabled={opened}>
            <ActionIcon variant="default" size="lg" onClick={() => setOpened((o) => !o)} aria-label={label} data-testid="notification-bell">
              <BellIcon />
            </ActionIcon>
          </Tooltip>
          {unread > 0 ? (
            <Badge
              size="xs"
              color="red"
              variant="filled"
              pos="absolute"
              top={-6}
              right={-8}
              style={{ pointerEvents: 'none' }}
              data-testid="notification-unread"
              data-count={unread}
            >
              {unread > 99 ? '99+' : unread}
            </Badge>
          ) : null}
        </Box>
      </Popover.Target>
      <Popover.Dropdown p={0} data-testid="notification-panel">
        <Group justify="space-between" px="sm" py="xs">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
            data-testid="notification-mark-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <Divider />
        <ErrorAlert error={list.error ?? markRead.error} />
        <ScrollArea.Autosize mah={420} type="auto">
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" ta="center" p="md" data-testid="notification-empty">
              {list.isPending ? t('app.loading') : t('notifications.empty')}
            </Text>
          ) : (
            items.map((n) => <NotificationItem key={n.id} n={n} onOpen={open} />)
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
