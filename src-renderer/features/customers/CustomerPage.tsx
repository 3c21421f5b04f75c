import { Alert, Anchor, Badge, Box, Button, Group, Loader, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { Customer360, CustomerAsset } from '../../../src-shared/contract';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { formatDateTime, formatDay } from '../../i18n/format';
import { ConfirmRemoveModal } from '../../ui/ConfirmRemoveModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { formatDeskDay } from '../privacy/erasure';
import { ErasePersonalDataModal } from '../privacy/ErasePersonalDataModal';
import { exportCustomerState } from '../privacy/personalDataExport';
import { useDeskSettings } from '../settings/hooks';
import { CustomerAgreementSelect } from '../sla/CustomerAgreementSelect';
import { useNewTicket } from '../tickets/NewTicketContext';
import { AssetForm } from './AssetForm';
import { assetLabel } from './assets';
import { LifecycleBadge, TierBadge } from './badges';
import { ContactsSection } from './ContactsSection';
import { customerSummaryOf, formatOneDecimal } from './customer360';
import { CustomerFormModal } from './CustomerForm';
import { addressText } from './customerList';
import { CustomerTimeline } from './CustomerTimeline';
import { useCustomer360, useRemoveAsset } from './hooks';
import { MergeCustomerModal } from './MergeCustomerModal';
import { OrdersSection } from './OrdersSection';
import { removeActions } from './removeActions';
import { Empty, RowActions, Section } from './Section';
import { WarrantyBadge } from './WarrantyBadge';

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

/** Asks before an installed product is deleted; requests already entered keep their agreement. */
function RemoveAssetModal({ customerId, asset, onClose }: { customerId: number; asset: CustomerAsset | null; onClose(): void }) {
  const { t } = useTranslation();
  const remove = useRemoveAsset(customerId);
  const label = asset ? assetLabel(asset, t('customer360.assets.productNone')) : '';
  const { close, confirm } = removeActions(remove, asset, t('customer360.assets.removed', { asset: label }), onClose);

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
function AssetsSection({ customerId, assets, canManage }: { customerId: number; assets: CustomerAsset[]; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
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
                    <RowActions
                      editLabel={t('customer360.assets.edit')}
                      removeLabel={t('customer360.assets.remove')}
                      onEdit={() => setEditing(a)}
                      onRemove={() => setRemoving(a)}
                      testId="asset"
                    />
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

/** One labelled fact of the header: "邮箱 chen@example.cn". */
function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Text size="sm" component="div">
      <Text span c="dimmed">{`${label} `}</Text>
      <Text span data-testid={testId}>
        {children}
      </Text>
    </Text>
  );
}

/** 个人信息已删除 · date (in desk time): the customer's personal data was erased on request. */
function ErasedBadge({ erasedAt }: { erasedAt: number }) {
  const { t, i18n } = useTranslation();
  const timeZone = useDeskSettings().data?.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <Badge variant="light" color="grape" data-testid="customer-erased">
      {t('privacy.erasedBadge', { date: formatDeskDay(erasedAt, i18n.language, timeZone) })}
    </Badge>
  );
}

/** Where a merged customer went: its requests and records are on that customer's page now. */
function MergedNotice({ into }: { into: NonNullable<Customer360['mergedInto']> }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('customer360.mergedTitle')} data-testid="customer-merged">
      <Stack gap={6}>
        <Text size="sm">{t('customer360.mergedNotice', { name: into.name, number: into.customerNo })}</Text>
        <Anchor component={Link} to={`/customers/${into.id}`} size="sm" fw={600} data-testid="customer-merged-link">
          {t('customer360.mergedOpen', { name: into.name })}
        </Anchor>
      </Stack>
    </Alert>
  );
}

/**
 * Who the customer is: name, kind, tier and lifecycle; number, phone, email, address, account
 * manager, tags, last activity and note; agreement. Actions: a new request, 编辑资料, 合并客户 and
 * (administrators) 导出个人信息 (the data page's one-customer export) and 删除个人信息.
 */
function Header({
  customer,
  canManage,
  canMerge,
  canErase,
  canExport,
}: {
  customer: Customer360;
  canManage: boolean;
  canMerge: boolean;
  canErase: boolean;
  canExport: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const newTicket = useNewTicket();
  const canSetAgreement = (useSession().data?.permissions.includes('sla.manage') ?? false) && canManage;
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [erasing, setErasing] = useState(false);
  const navigate = useNavigate();
  const notSet = t('app.notSet');
  const address = addressText(customer, locale);
  const live = customer.mergedInto === null;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6} style={{ minWidth: 0 }}>
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
            <TierBadge tier={customer.tier} />
            {/* A merged record has no life of its own: the survivor's page shows it. */}
            {live ? <LifecycleBadge lifecycle={customer.lifecycle} /> : null}
            {customer.erasedAt !== null ? <ErasedBadge erasedAt={customer.erasedAt} /> : null}
          </Group>
          <Group gap="lg">
            <Fact label={t('customer360.customerNo')} testId="customer-number">
              <Text span ff="monospace" inherit>
                {customer.customerNo}
              </Text>
            </Fact>
            <Fact label={t('customer360.phone')} testId="customer-phone">
              {customer.phone ?? notSet}
            </Fact>
            <Fact label={t('customer360.email')} testId="customer-email">
              {customer.email ?? notSet}
            </Fact>
            <Fact label={t('customer360.owner')} testId="customer-owner">
              {customer.owner?.name ?? notSet}
            </Fact>
          </Group>
          <Group gap="lg">
            <Fact label={t('customer360.address')} testId="customer-address">
              {address ?? notSet}
            </Fact>
            <Fact label={t('customer360.lastActivity')} testId="customer-last-activity">
              {formatDateTime(customer.lastActivityAt, locale)}
            </Fact>
            <Text size="sm" c="dimmed">
              {t('customer360.since', { date: formatDateTime(customer.createdAt, locale) })}
            </Text>
          </Group>
          {customer.tags.length > 0 ? (
            <Group gap={6} aria-label={t('customer360.tags')} data-testid="customer-tags">
              {customer.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="gray" data-testid="customer-tag">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : null}
          {customer.note ? (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} data-testid="customer-note">
              {customer.note}
            </Text>
          ) : null}
        </Stack>
        {live ? (
          <Group gap="xs" wrap="nowrap">
            {canExport ? (
              <Button variant="default" onClick={() => void navigate('/data', { state: exportCustomerState(customerSummaryOf(customer)) })} data-testid="customer-export-personal">
                {t('privacy.export')}
              </Button>
            ) : null}
            {canErase ? (
              <Button variant="light" color="red" onClick={() => setErasing(true)} data-testid="customer-erase">
                {t('privacy.erase')}
              </Button>
            ) : null}
            {canMerge ? (
              <Button variant="default" onClick={() => setMerging(true)} data-testid="customer-merge">
                {t('merge.action')}
              </Button>
            ) : null}
            {canManage ? (
              <Button variant="default" onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('customer360.edit')}
              </Button>
            ) : null}
            {newTicket.canCreate ? (
              <Button onClick={() => newTicket.openFor(customerSummaryOf(customer))} data-testid="customer-new-request">
                {t('customer360.newRequest')}
              </Button>
            ) : null}
          </Group>
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
      {/*
        Mounted whatever the record's state: the merge's own 'customers.changed' can refresh this
        page into a merged record before the merge's answer arrives, and the modal must still be
        there to take it (announce it and open the surviving customer).
      */}
      <CustomerFormModal opened={editing} customer={customer} onClose={() => setEditing(false)} />
      <MergeCustomerModal opened={merging} from={customer} onClose={() => setMerging(false)} />
      <ErasePersonalDataModal opened={erasing} customer={customer} onClose={() => setErasing(false)} />
    </Paper>
  );
}

function CustomerView({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const customer = useCustomer360(customerId);
  const permissions = useSession().data?.permissions ?? [];
  if (customer.isError) return <ErrorAlert error={customer.error} />;
  if (customer.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  const c = customer.data;
  // A merged customer is a pointer: it is read, not changed.
  const live = c.mergedInto === null;
  const canManage = live && permissions.includes('customers.manage');
  const canMerge = live && permissions.includes('customers.merge');
  // A merged record's personal data goes with its survivor's erasure.
  const canErase = live && permissions.includes('privacy.manage');
  // An administrator answering a request for a copy of one's personal data (PIPL art. 45).
  const canExport = canErase && permissions.includes('data.export');
  return (
    <Stack gap="md" maw={1200} data-testid="customer-page" data-customer-id={c.id}>
      {c.mergedInto ? <MergedNotice into={c.mergedInto} /> : null}
      <Header customer={c} canManage={canManage} canMerge={canMerge} canErase={canErase} canExport={canExport} />
      <Kpis kpis={c.kpis} />
      <ContactsSection customerId={c.id} contacts={c.contacts} canManage={canManage} />
      <AssetsSection customerId={c.id} assets={c.assets} canManage={canManage} />
      <OrdersSection customerId={c.id} orders={c.orders} canManage={canManage} />
      <CustomerTimeline customerId={c.id} />
    </Stack>
  );
}

/** 客户360视图: everything about one customer on one page (#/customers/:id). */
export function CustomerPage() {
  const { id } = useParams();
  const customerId = Number(id);
  if (!Number.isSafeInteger(customerId) || customerId <= 0) return <Navigate to="/customers" replace />;
  // Another customer starts afresh: the timeline filter does not carry over.
  return <CustomerView key={customerId} customerId={customerId} />;
}
