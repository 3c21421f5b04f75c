import { Badge, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '../../../src-shared/contract';
import { ApiError } from '../../api';
import { formatDay } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { AgreementForm } from './AgreementForm';
import { useAgreements } from './hooks';
import { SlaSettingsCard } from './SlaSettingsCard';

/** "2025-01-01 – 2025-12-31", open ends shown as such; both open: no limit. */
function Validity({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { validFrom, validTo } = agreement;
  if (!validFrom && !validTo) return <Text size="sm" c="dimmed">{t('slaAdmin.agreements.noLimit')}</Text>;
  const from = validFrom ? formatDay(validFrom, locale) : t('slaAdmin.agreements.openStart');
  const to = validTo ? formatDay(validTo, locale) : t('slaAdmin.agreements.openEnd');
  return <Text size="sm">{`${from} – ${to}`}</Text>;
}

function AgreementRow({ agreement: a, onEdit }: { agreement: AgreementView; onEdit(): void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="agreement-row" data-active={a.active}>
      <Table.Td>{a.name}</Table.Td>
      <Table.Td>{a.calendarName}</Table.Td>
      <Table.Td>
        {t(`slaAdmin.charging.${a.chargingMethod}`)}
        {a.chargingMethod === 'annual_contract' && a.includedVisits !== null ? (
          <Text span size="xs" c="dimmed" ml={6}>
            {t('slaAdmin.agreements.visitsPerYear', { visits: a.includedVisits })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Validity agreement={a} />
      </Table.Td>
      <Table.Td>
        <Badge color={a.active ? 'teal' : 'gray'} variant="light">
          {t(a.active ? 'slaAdmin.active' : 'slaAdmin.inactive')}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" data-testid="agreement-customer-count">
        {a.customerCount}
      </Table.Td>
      <Table.Td>
        <Button variant="subtle" size="compact-sm" onClick={onEdit} data-testid="agreement-edit">
          {t('slaAdmin.edit')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** 服务协议: agreements with their targets per priority, and the desk-wide SLA settings; administrators only. */
export function AgreementsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.data?.permissions.includes('sla.manage') ?? false;
  const agreements = useAgreements(canManage);
  // undefined: closed; null: a new agreement; an agreement: editing it.
  const [editing, setEditing] = useState<AgreementView | null | undefined>(undefined);

  if (!canManage) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'sla.manage needed' })} />;

  const items = agreements.data ?? [];

  function onSaved(agreement: AgreementView) {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: t('slaAdmin.agreements.saved', { name: agreement.name }) });
  }

  return (
    <Stack gap="md" maw={1200} data-testid="agreements-page">
      <Group justify="space-between">
        <Title order={2}>{t('slaAdmin.agreements.title')}</Title>
        <Button onClick={() => setEditing(null)} data-testid="agreement-add">
          {t('slaAdmin.agreements.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('slaAdmin.agreements.explanation')}
      </Text>
      <ErrorAlert error={agreements.error} />
      <Table.ScrollContainer minWidth={800}>
        <Table withTableBorder striped highlightOnHover data-testid="agreements-table">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>{t('slaAdmin.agreements.name')}</Table.Th>
              <Table.Th>{t('slaAdmin.agreements.calendar')}</Table.Th>
              <Table.Th>{t('slaAdmin.agreements.chargingMethod')}</Table.Th>
              <Table.Th>{t('slaAdmin.agreements.validity')}</Table.Th>
              <Table.Th>{t('slaAdmin.status')}</Table.Th>
              <Table.Th ta="right">{t('slaAdmin.agreements.customers')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <AgreementRow key={a.id} agreement={a} onEdit={() => setEditing(a)} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {agreements.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {agreements.isSuccess && items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="agreements-empty">
          {t('slaAdmin.agreements.empty')}
        </Text>
      ) : null}
      <SlaSettingsCard />
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('slaAdmin.agreements.editTitle') : t('slaAdmin.agreements.add')}
        size="xl"
        trapFocus
      >
        {editing !== undefined ? (
          <AgreementForm key={editing?.id ?? 'new'} agreement={editing} onSaved={onSaved} onCancel={() => setEditing(undefined)} />
        ) : null}
      </Modal>
    </Stack>
  );
}
