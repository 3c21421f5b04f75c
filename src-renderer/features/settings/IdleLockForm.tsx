import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_LOCK_LIMITS, type DeskSettings } from '../../../src-shared/contract/settings';
import { fieldErrors } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { useUpdateSettings } from './hooks';
import { parseIdleMinutes } from './idleLock';

/** 自动锁定: after how many minutes without input a window locks until its user's password is typed. */
export function IdleLockForm({ settings }: { settings: DeskSettings }) {
  const { t } = useTranslation();
  const save = useUpdateSettings();
  const [minutes, setMinutes] = useState<number | string>(settings.idleLockMinutes);
  const [local, setLocal] = useState<string | null>(null);

  const range = t('settings.idleLockRange', { min: IDLE_LOCK_LIMITS.min, max: IDLE_LOCK_LIMITS.max });
  const { server, general } = saveErrors(t, save.error, (tr, error) => fieldErrors(tr, error, (p) => (p === 'idleLockMinutes' ? p : null)));
  // Main reports a number out of range as tooShort / tooLong (character counts): say the range.
  const error = local ?? (server.idleLockMinutes ? range : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const idleLockMinutes = parseIdleMinutes(minutes);
    setLocal(idleLockMinutes === null ? (typeof minutes === 'string' && minutes.trim() === '' ? t('validation.required') : range) : null);
    if (idleLockMinutes === null) return;
    save.mutate(
      { idleLockMinutes },
      {
        onSuccess: (saved) => {
          setMinutes(saved.idleLockMinutes);
          notifications.show({ color: 'teal', message: t('settings.idleLockSaved') });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="idle-lock-form">
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('settings.idleLockTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('settings.idleLockHint')}
          </Text>
        </div>
        <FormError message={general} testId="idle-lock-error" />
        <NumberInput
          label={t('settings.idleLockMinutes')}
          name="idleLockMinutes"
          required
          min={IDLE_LOCK_LIMITS.min}
          max={IDLE_LOCK_LIMITS.max}
          allowDecimal={false}
          allowNegative={false}
          value={minutes}
          onChange={setMinutes}
          error={error}
          w={240}
          data-testid="settings-idle-lock-minutes"
        />
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={save.isPending} data-testid="idle-lock-submit">
            {t('settings.idleLockSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
