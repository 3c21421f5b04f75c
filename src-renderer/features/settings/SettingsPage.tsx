import { Button, Group, Loader, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskSettings } from '../../../src-shared/contract';
import { ApiError } from '../../api';
import { fieldErrors } from '../../i18n/errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { useSession } from '../auth/hooks';
import { useDeskSettings, useUpdateSettings } from './hooks';
import { IdleLockForm } from './IdleLockForm';
import { RetentionForm } from './RetentionForm';
import { LIFECYCLE_LIMITS, lifecycleFieldErrors, lifecycleLocalErrors, parseThreshold, type LifecycleField } from './lifecycle';

type Field = 'companyName' | 'reopenWindowDays';

const COMPANY_NAME_MAX = 100;
const REOPEN_MIN = 0;
const REOPEN_MAX = 365;

function fieldOf(path: string): Field | null {
  return path === 'companyName' || path === 'reopenWindowDays' ? path : null;
}

function parseDays(value: number | string): number | null {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(n) && n >= REOPEN_MIN && n <= REOPEN_MAX ? n : null;
}

function SettingsForm({ settings }: { settings: DeskSettings }) {
  const { t } = useTranslation();
  const save = useUpdateSettings();
  const [companyName, setCompanyName] = useState(settings.companyName);
  const [days, setDays] = useState<number | string>(settings.reopenWindowDays);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  const rangeMessage = t('settings.reopenWindowRange', { min: REOPEN_MIN, max: REOPEN_MAX });
  const { server, general } = saveErrors(t, save.error, (tr, error) => fieldErrors(tr, error, fieldOf));
  // Main reports a number out of range as tooShort / tooLong, which read as character counts: say the range instead.
  if (server.reopenWindowDays) server.reopenWindowDays = rangeMessage;
  const errors = { ...server, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const reopenWindowDays = parseDays(days);
    const problems: Partial<Record<Field, string>> = {};
    if (!companyName.trim()) problems.companyName = t('validation.required');
    if (reopenWindowDays === null) problems.reopenWindowDays = typeof days === 'string' && days.trim() === '' ? t('validation.required') : rangeMessage;
    setLocal(problems);
    if (Object.keys(problems).length > 0 || reopenWindowDays === null) return;
    save.mutate(
      { companyName: companyName.trim(), reopenWindowDays },
      {
        onSuccess: (saved) => {
          setCompanyName(saved.companyName);
          setDays(saved.reopenWindowDays);
          notifications.show({ color: 'teal', message: t('settings.saved') });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="settings-form">
      <Stack gap="sm">
        <FormError message={general} testId="settings-error" />
        <TextInput
          label={t('settings.companyName')}
          description={t('settings.companyNameHint')}
          name="companyName"
          required
          maxLength={COMPANY_NAME_MAX}
          value={companyName}
          onChange={(e) => setCompanyName(e.currentTarget.value)}
          error={errors.companyName}
          data-testid="settings-company-name"
        />
        <NumberInput
          label={t('settings.reopenWindowDays')}
          description={t('settings.reopenWindowHint')}
          name="reopenWindowDays"
          required
          min={REOPEN_MIN}
          max={REOPEN_MAX}
          allowDecimal={false}
          allowNegative={false}
          suffix={t('settings.daysSuffix')}
          value={days}
          onChange={setDays}
          error={errors.reopenWindowDays}
          w={240}
          data-testid="settings-reopen-days"
        />
        <TextInput
          label={t('settings.timeZone')}
          description={t('settings.timeZoneHint')}
          name="timeZone"
          value={settings.timeZone}
          readOnly
          variant="filled"
          w={240}
          data-testid="settings-time-zone"
        />
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={save.isPending} data-testid="settings-submit">
            {t('settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * 客户生命周期: after how many days without a request or purchase a customer is dormant (休眠),
 * and after how many lost (流失); lost must come later than dormant.
 */
function LifecycleForm({ settings }: { settings: DeskSettings }) {
  const { t } = useTranslation();
  const save = useUpdateSettings();
  const [dormant, setDormant] = useState<number | string>(settings.dormantAfterDays);
  const [lost, setLost] = useState<number | string>(settings.lostAfterDays);
  const [local, setLocal] = useState<Partial<Record<LifecycleField, string>>>({});

  const { server, general } = saveErrors(t, save.error, lifecycleFieldErrors);
  const errors = { ...server, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems = lifecycleLocalErrors(t, dormant, lost);
    setLocal(problems);
    const dormantAfterDays = parseThreshold('dormantAfterDays', dormant);
    const lostAfterDays = parseThreshold('lostAfterDays', lost);
    if (Object.keys(problems).length > 0 || dormantAfterDays === null || lostAfterDays === null) return;
    save.mutate(
      { dormantAfterDays, lostAfterDays },
      {
        onSuccess: (saved) => {
          setDormant(saved.dormantAfterDays);
          setLost(saved.lostAfterDays);
          notifications.show({ color: 'teal', message: t('settings.lifecycleSaved') });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="lifecycle-form">
      <Stack gap="sm">
        <div>
          <Title order={4}>{t('settings.lifecycleTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('settings.lifecycleHint')}
          </Text>
        </div>
        <FormError message={general} testId="lifecycle-error" />
        <Group gap="md" align="flex-start">
          <NumberInput
            label={t('settings.dormantAfterDays')}
            description={t('settings.dormantAfterHint')}
            name="dormantAfterDays"
            required
            min={LIFECYCLE_LIMITS.dormantAfterDays.min}
            max={LIFECYCLE_LIMITS.dormantAfterDays.max}
            allowDecimal={false}
            allowNegative={false}
            suffix={t('settings.daysSuffix')}
            value={dormant}
            onChange={setDormant}
            error={errors.dormantAfterDays}
            w={260}
            data-testid="settings-dormant-days"
          />
          <NumberInput
            label={t('settings.lostAfterDays')}
            description={t('settings.lostAfterHint')}
            name="lostAfterDays"
            required
            min={LIFECYCLE_LIMITS.lostAfterDays.min}
            max={LIFECYCLE_LIMITS.lostAfterDays.max}
            allowDecimal={false}
            allowNegative={false}
            suffix={t('settings.daysSuffix')}
            value={lost}
            onChange={setLost}
            error={errors.lostAfterDays}
            w={260}
            data-testid="settings-lost-days"
          />
        </Group>
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={save.isPending} data-testid="lifecycle-submit">
            {t('settings.lifecycleSave')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Desk settings (系统设置): company name, reopen window, time zone, customer lifecycle; administrators only (settings.manage). */
export function SettingsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.data?.permissions.includes('settings.manage') ?? false;
  const settings = useDeskSettings(canManage);

  if (!canManage) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'settings.manage needed' })} />;

  return (
    <Stack gap="md" maw={640} data-testid="settings-page">
      <Title order={2}>{t('settings.title')}</Title>
      {settings.isError ? <ErrorAlert error={settings.error} /> : null}
      {settings.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {settings.data ? (
        <>
          <Paper withBorder p="md">
            <SettingsForm settings={settings.data} />
          </Paper>
          <Paper withBorder p="md">
            <LifecycleForm settings={settings.data} />
          </Paper>
          <Paper withBorder p="md">
            <IdleLockForm settings={settings.data} />
          </Paper>
          <Paper withBorder p="md">
            <RetentionForm settings={settings.data} />
          </Paper>
        </>
      ) : null}
    </Stack>
  );
}
