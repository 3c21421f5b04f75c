import { Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RETENTION_LIMITS, type DeskSettings } from '../../../src-shared/contract/settings';
import { fieldErrors } from '../../i18n/errors';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { useUpdateSettings } from './hooks';
import { parseRetentionYears } from './retention';

/**
 * 个人信息保留期限: closed requests lose their personal text once closed this many years
 * (the minute service check purges them); 0 keeps it.
 */
export function RetentionForm({ settings }: { settings: DeskSettings }) {
  const { t } = useTranslation();
  const save = useUpdateSettings();
  const [years, setYears] = useState<number | string>(settings.personalDataYears);
  const [local, setLocal] = useState<string | null>(null);

  const range = t('settings.retentionRange', { min: RETENTION_LIMITS.min, max: RETENTION_LIMITS.max });
  const { server, general } = saveErrors(t, save.error, (tr, error) => fieldErrors(tr, error, (p) => (p === 'personalDataYears' ? p : null)));
  // Main reports a number out of range as tooShort / tooLong (character counts): say the range.
  const error = local ?? (server.personalDataYears ? range : undefined);
  const typed = parseRetentionYears(years);
  const effect = typed === null ? undefined : typed === 0 ? t('settings.retentionKeep') : t('settings.retentionPurge', { years: typed });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const personalDataYears = parseRetentionYears(years);
    setLocal(personalDataYears === null ? (typeof years === 'string' && years.trim() === '' ? t('validation.required') : range) : null);
    if (personalDataYears === null) return;
    save.mutate(
      { personalDataYears },
      {
        onSuccess: (saved) => {
          setYears(saved.personalDataYears);
          notifications.show({ color: 'teal', message: t('settings.retentionSaved') });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="retention-form">
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('settings.retentionTitle')}</Title>
          <Text size="sm" c="dimmed" data-testid="retention-hint">
            {t('settings.retentionHint')}
          </Text>
        </div>
        <FormError message={general} testId="retention-error" />
        <NumberInput
          label={t('settings.retentionYears')}
          description={effect}
          name="personalDataYears"
          required
          min={RETENTION_LIMITS.min}
          max={RETENTION_LIMITS.max}
          allowDecimal={false}
          allowNegative={false}
          suffix={t('settings.yearsSuffix')}
          value={years}
          onChange={setYears}
          error={error}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          w={360}
          data-testid="settings-retention-years"
        />
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={save.isPending} data-testid="retention-submit">
            {t('settings.retentionSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
