import { Badge, Box, Button, Group, Loader, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import type { Customer360, CustomerAsset } from '../../../src-shared/contract';
import { formatDateTime, formatDay } from '../../i18n/format';
import { ConfirmRemoveModal } from '../../ui/ConfirmRemoveModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { CustomerAgreementSelect } from '../sla/CustomerAgreementSelect';
import { useNewTicket } from '../tickets/NewTicketContext';
import { AssetForm } from './AssetForm';
import { assetLabel } from './assets';
import { customerSummaryOf, formatOneDecimal } from './customer360';
import { WarrantyBadge } from './WarrantyBadge';
import { CustomerTimeline } from './CustomerTimeline';
import { useCustomer360, useRemoveAsset } from './hooks';
import { provinceName } from './provinces';

function Kpi({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`customer-kpi-${id}`}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.3} data-testid="kpi-value">
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed" data-testid="kpi-hint">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

function Kpis({ kpis }: { kpis: Customer360['kpis'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const notSet = t('app.notSet');
  const hours = formatOneDecimal(kpis.meanResolutionHours, locale);
  const csat = formatOneDecimal(kpis.csatAverage, locale);
  return (
    // Two rows of three: in one row of six the date-time of the last contact would not fit.
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
      <Kpi id="openRequests" label={t('customer360.kpi.openRequests')} value={String(kpis.openRequests)} />
      <Kpi id="requestsLast12Months" label={t('customer360.kpi.requestsLast12Months')} value={String(kpis.requestsLast12Months)} />
      <Kpi
        id="meanResolutionHours"
        label={t('customer360.kpi.meanResolutionHours')}
        value={hours === null ? notSet : t('customer360.kpi.hours', { hours })}
        hint={t('customer360.kpi.meanResolutionHint')}
      />
      <Kpi id="lastContactAt" label={t('customer360.kpi.lastContactAt')} value={kpis.lastContactAt === null ? notSet : formatDateTime(kpis.lastContactAt, locale)} />
      <Kpi id="csat" label={t('customer360.kpi.csat')} value={csat ?? notSet} hint={t('customer360.kpi.csatCount', { count: kpis.followUps })} />
      <Kpi id="complaints" label={t('customer360.kpi.complaints')} value={String(kpis.complaints)} />
    </SimpleGrid>
  );
}

function Section({ title, testId, action, children }: { title: string; testId: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function Empty({ text, testId }: { text: string; testId: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {text}
    </Text>
  );
}

function ContactsSection({ contacts }: { contacts: Customer360['contacts'] }) {
  const { t } = useTranslation();
  const notSet = t('app.notSet');
  return (
    <Section title={t('customer360.contacts.title')} testId="customer-contacts">
      {contacts.length === 0 ? (
        <Empty text={t('customer360.contacts.empty')} testId="customer-contacts-empty" />
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customer360.contacts.name')}</Table.Th>
              <Table.Th>{t('customer360.contacts.phone')}</Table.Th>
              <Table.Th>{t('customer360.contacts.email')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={c.id} data-testid="customer-contact">
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.phone ?? notSet}</Table.Td>
                <Table.Td>{c.email ?? notSet}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** Asks before an installed product is deleted; requests already entered keep their agreement. */
function RemoveAssetModal({ customerId, asset, onClose }: { customerId: number; asset: CustomerAsset | null; onClose(): void }) {
  const { t } = useTranslation();
  const remove = useRemoveAsset(customerId);
  const label = asset ? assetLabel(asset, t('customer360.assets.productNone')) : '';

  function close() {
    remove.reset();
    onClose();
  }

  function confirm() {
    if (!asset) return;
    remove.mutate(asset.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('customer360.assets.removed', { asset: label }) });
        close();
      },
    });
  }

  return (
    <ConfirmRemoveModal
      opened={asset !== null}
      title={t('customer360.assets.removeTitle')}
      message={t('customer360.assets.removeConfirm', { asset: label })}
      confirmLabel={t('customer360.assets.remove')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={confirm}
      onClose={close}
      testId="asset-remove"
    />
  );
}

/** The installed base with warranty states; users with customers.manage add, edit and delete products here. */
function AssetsSection({ customerId, assets }: { customerId: number; assets: CustomerAsset[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const canManage = useSession().data?.permissions.includes('customers.manage') ?? false;
  // undefined: closed; null: a new product; an asset: editing it.
  const [editing, setEditing] = useState<CustomerAsset | null | undefined>(undefined);
  const [removing, setRemoving] = useState<CustomerAsset | null>(null);
  const notSet = t('app.notSet');
  const day = (value: string | null) => (value ? formatDay(value, locale) : notSet);

  function onSaved(asset: CustomerAsset) {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: t('customer360.assets.saved', { asset: assetLabel(asset, t('customer360.assets.productNone')) }) });
  }

  const addButton = canManage ? (
    <Button size="xs" variant="light" onClick={() => setEditing(null)} data-testid="asset-add">
      {t('customer360.assets.add')}
    </Button>
  ) : null;

  return (
    <Section title={t('customer360.assets.title')} testId="customer-assets" action={addButton}>
      {assets.length === 0 ? (
        <Empty text={t('customer360.assets.empty')} testId="customer-assets-empty" />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped>
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th>{t('customer360.assets.product')}</Table.Th>
                <Table.Th>{t('customer360.assets.model')}</Table.Th>
                <Table.Th>{t('customer360.assets.serialNo')}</Table.Th>
                <Table.Th>{t('customer360.assets.installDate')}</Table.Th>
                <Table.Th>{t('customer360.assets.location')}</Table.Th>
                <Table.Th>{t('customer360.assets.warrantyEnd')}</Table.Th>
                <Table.Th>{t('customer360.assets.agreement')}</Table.Th>
                {canManage ? <Table.Th w={120} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assets.map((a) => (
                <Table.Tr key={a.id} data-testid="customer-asset" data-warranty={a.warranty}>
                  <Table.Td>{a.product?.name ?? notSet}</Table.Td>
                  <Table.Td>{a.product?.model || notSet}</Table.Td>
                  <Table.Td ff="monospace">{a.serialNo ?? notSet}</Table.Td>
                  <Table.Td>{day(a.installDate)}</Table.Td>
                  <Table.Td>{a.location ?? notSet}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm">{day(a.warrantyEnd)}</Text>
                      <WarrantyBadge state={a.warranty} />
                    </Group>
                  </Table.Td>
                  <Table.Td data-testid="asset-agreement-name">{a.agreement?.name ?? t('customer360.assets.defaultAgreement')}</Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button variant="subtle" size="compact-sm" onClick={() => setEditing(a)} data-testid="asset-edit">
                          {t('customer360.assets.edit')}
                        </Button>
                        <Button variant="subtle" color="red" size="compact-sm" onClick={() => setRemoving(a)} data-testid="asset-delete">
                          {t('customer360.assets.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('customer360.assets.editTitle') : t('customer360.assets.addTitle')}
        size="lg"
        trapFocus
      >
        {editing !== undefined ? (
          <AssetForm key={editing?.id ?? 'new'} customerId={customerId} asset={editing} onSaved={onSaved} onCancel={() => setEditing(undefined)} />
        ) : null}
      </Modal>
      <RemoveAssetModal customerId={customerId} asset={removing} onClose={() => setRemoving(null)} />
    </Section>
  );
}

/** Name, number, kind, phone, province and agreement, with the way to enter a request for them. */
function Header({ customer }: { customer: Customer360 }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const newTicket = useNewTicket();
  const canSetAgreement = useSession().data?.permissions.includes('sla.manage') ?? false;
  const province = provinceName(customer.province, locale);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="xs" c="dimmed">
            {t('customer360.title')}
          </Text>
          <Group gap="xs">
            <Title order={2} data-testid="customer-name">
              {customer.name}
            </Title>
            <Badge variant="light" color="gray" data-testid="customer-kind">
              {t(`customer360.kind.${customer.kind}`)}
            </Badge>
          </Group>
          <Group gap="lg" mt={6}>
            <Text size="sm">
              <Text span c="dimmed">{`${t('customer360.customerNo')} `}</Text>
              <Text span ff="monospace" data-testid="customer-number">
                {customer.customerNo}
              </Text>
            </Text>
            <Text size="sm">
              <Text span c="dimmed">{`${t('customer360.phone')} `}</Text>
              <span data-testid="customer-phone">{customer.phone ?? t('app.notSet')}</span>
            </Text>
            <Text size="sm">
              <Text span c="dimmed">{`${t('customer360.province')} `}</Text>
              <span data-testid="customer-province">{province ?? t('app.notSet')}</span>
            </Text>
            <Text size="sm" c="dimmed">
              {t('customer360.since', { date: formatDateTime(customer.createdAt, locale) })}
            </Text>
          </Group>
        </div>
        {newTicket.canCreate ? (
          <Button onClick={() => newTicket.openFor(customerSummaryOf(customer))} data-testid="customer-new-request">
            {t('customer360.newRequest')}
          </Button>
        ) : null}
      </Group>
      <Box maw={440} mt="sm">
        <Text size="sm" c="dimmed" data-testid="customer-page-agreement">
          {customer.agreement ? t('customerHistory.agreement', { name: customer.agreement.name }) : t('customerHistory.defaultAgreement')}
        </Text>
        {canSetAgreement ? (
          <CustomerAgreementSelect key={`${customer.id}-${customer.agreement?.id ?? 'none'}`} customerId={customer.id} current={customer.agreement?.id ?? null} />
        ) : null}
      </Box>
    </Paper>
  );
}

function CustomerView({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const customer = useCustomer360(customerId);
  if (customer.isError) return <ErrorAlert error={customer.error} />;
  if (customer.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  const c = customer.data;
  return (
    <Stack gap="md" maw={1200} data-testid="customer-page" data-customer-id={c.id}>
      <Header customer={c} />
      <Kpis kpis={c.kpis} />
      <ContactsSection contacts={c.contacts} />
      <AssetsSection customerId={c.id} assets={c.assets} />
      <CustomerTimeline customerId={c.id} />
    </Stack>
  );
}

/** 客户360视图: everything about one customer on one page (#/customers/:id). */
export function CustomerPage() {
  const { id } = useParams();
  const customerId = Number(id);
  if (!Number.isSafeInteger(customerId) || customerId <= 0) return <Navigate to="/tickets" replace />;
  // Another customer starts afresh: the timeline filter does not carry over.
  return <CustomerView key={customerId} customerId={customerId} />;
}
