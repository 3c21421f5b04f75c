import { Button, Group, Loader, NativeSelect, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView, SlaSettings } from '../../../src-shared/contract';
import { FIRST_RESPONSE_MODES, type FirstResponseMode } from '../../../src-shared/domain/sla';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { oneOf } from '../tickets/vocabulary';
import { agreementOptions } from './agreementChoices';
import { MAX_THRESHOLDS, parseThresholds } from './format';
import { useAgreements, useSlaSettings, useUpdateSlaSettings } from './hooks';

type Field = 'defaultAgreementId' | 'warrantyAgreementId' | 'warnThresholds' | 'firstResponse';

function fieldOf(path: string): Field | null {
  if (path === 'defaultAgreementId' || path === 'warrantyAgreementId' || path === 'firstResponse') return path;
  return path === 'warnThresholds' || path.startsWith('warnThresholds.') ? 'warnThresholds' : null;
}

function SettingsForm({ settings, agreements }: { settings: SlaSettings; agreements: readonly AgreementView[] }) {
  const { t } = useTranslation();
  const save = useUpdateSlaSettings();
  const [defaultId, setDefaultId] = useState(settings.defaultAgreementId ? String(settings.defaultAgreementId) : '');
  const [warrantyId, setWarrantyId] = useState(settings.warrantyAgreementId ? String(settings.warrantyAgreementId) : '');
  const [thresholds, setThresholds] = useState(settings.warnThresholds.join(', '));
  const [firstResponse, setFirstResponse] = useState<FirstResponseMode>(settings.firstResponse);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  const server: Partial<Record<Field, string>> = save.error ? fieldErrors(t, save.error, fieldOf) : {};
  const errors = { ...server, ...local };
  const general = save.error && Object.keys(server).length === 0 ? errorMessage(t, save.error) : null;
  const none = t('slaAdmin.settings.none');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const parsed = parseThresholds(thresholds);
    if ('error' in parsed) {
      const message =
        parsed.error === 'thresholdOrder'
          ? t('validation.thresholdOrder')
          : parsed.error === 'tooMany'
            ? t('slaAdmin.settings.thresholdsTooMany', { max: MAX_THRESHOLDS })
            : t('slaAdmin.settings.thresholdsInvalid');
      setLocal({ warnThresholds: message });
      return;
    }
    setLocal({});
    save.mutate(
      {
        defaultAgreementId: defaultId ? Number(defaultId) : null,
        warrantyAgreementId: warrantyId ? Number(warrantyId) : null,
        warnThresholds: parsed.thresholds,
        firstResponse,
      },
      {
        onSuccess: (saved) => {
          setThresholds(saved.warnThresholds.join(', '));
          notifications.show({ color: 'teal', message: t('slaAdmin.settings.saved') });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="sla-settings-form">
      <Stack gap="sm">
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="sla-settings-error">
            {general}
          </Text>
        ) : null}
        <Group grow align="flex-start">
          <NativeSelect
            label={t('slaAdmin.settings.defaultAgreement')}
            description={t('slaAdmin.settings.defaultAgreementHint')}
            value={defaultId}
            onChange={(e) => setDefaultId(e.currentTarget.value)}
            error={errors.defaultAgreementId}
            data={agreementOptions(agreements, settings.defaultAgreementId, none)}
            data-testid="sla-default-agreement"
          />
          <NativeSelect
            label={t('slaAdmin.settings.warrantyAgreement')}
            description={t('slaAdmin.settings.warrantyAgreementHint')}
            value={warrantyId}
            onChange={(e) => setWarrantyId(e.currentTarget.value)}
            error={errors.warrantyAgreementId}
            data={agreementOptions(agreements, settings.warrantyAgreementId, none)}
            data-testid="sla-warranty-agreement"
          />
        </Group>
        <TextInput
          label={t('slaAdmin.settings.thresholds')}
          description={t('slaAdmin.settings.thresholdsHint')}
          placeholder="75, 90"
          value={thresholds}
          onChange={(e) => setThresholds(e.currentTarget.value)}
          error={errors.warnThresholds}
          w={320}
          data-testid="sla-thresholds"
        />
        <Radio.Group
          label={t('slaAdmin.settings.firstResponse')}
          value={firstResponse}
          onChange={(v) => oneOf(FIRST_RESPONSE_MODES, v) && setFirstResponse(v)}
          error={errors.firstResponse}
          data-testid="sla-first-response"
        >
          <Stack gap={6} mt={4}>
            {FIRST_RESPONSE_MODES.map((m) => (
              <Radio key={m} value={m} label={t(`slaAdmin.firstResponse.${m}`)} data-testid={`sla-first-response-${m}`} />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="sla-settings-submit">
            {t('slaAdmin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Which agreement applies when a customer has none of their own, when to warn, what a first response is. */
export function SlaSettingsCard() {
  const { t } = useTranslation();
  const settings = useSlaSettings();
  const agreements = useAgreements();
  return (
    <Paper withBorder p="md" data-testid="sla-settings">
      <Title order={4}>{t('slaAdmin.settings.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('slaAdmin.settings.hint')}
      </Text>
      <ErrorAlert error={settings.error ?? agreements.error} />
      {settings.isPending || agreements.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {settings.data && agreements.data ? <SettingsForm settings={settings.data} agreements={agreements.data} /> : null}
    </Paper>
  );
}
