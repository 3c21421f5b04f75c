import { Box, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { UserOption } from '../../../src-shared/contract';
import { errorMessage } from '../../i18n/errors';
import { useSetAvailability } from './hooks';

/**
 * 在岗 / 暂离 for one engineer. In the header user menu it is the engineer's own switch;
 * on the rules page a service manager flips anyone's.
 */
export function AvailabilitySwitch({ user, self, disabled = false }: { user: UserOption; self: boolean; disabled?: boolean }) {
  const { t } = useTranslation();
  const setAvailability = useSetAvailability();
  const label = t(user.available ? 'availability.available' : 'availability.away');

  function toggle(available: boolean) {
    setAvailability.mutate(
      { userId: user.id, available },
      {
        onSuccess: (updated) => {
          const key = self ? (updated.available ? 'availability.nowAvailableSelf' : 'availability.nowAwaySelf') : updated.available ? 'availability.nowAvailable' : 'availability.nowAway';
          notifications.show({ color: updated.available ? 'teal' : 'gray', message: t(key, { name: updated.displayName }) });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
      },
    );
  }

  return (
    <Switch
      checked={user.available}
      onChange={(e) => toggle(e.currentTarget.checked)}
      disabled={disabled || setAvailability.isPending}
      color="teal"
      label={label}
      aria-label={self ? t('availability.switchSelf') : t('availability.switchFor', { name: user.displayName })}
      data-testid={self ? 'availability-switch' : `availability-switch-${user.id}`}
      data-available={user.available}
    />
  );
}

/** The engineer's own 在岗 / 暂离 switch for the header user menu, with what it means. */
export function OwnAvailability({ user }: { user: UserOption }) {
  const { t } = useTranslation();
  return (
    <Box px="sm" py={6} maw={260}>
      <AvailabilitySwitch user={user} self />
      <Text size="xs" c="dimmed" mt={4}>
        {t('availability.hint')}
      </Text>
    </Box>
  );
}
