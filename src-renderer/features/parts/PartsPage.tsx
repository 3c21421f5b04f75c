import { Badge, Button, Checkbox, Group, Loader, Modal, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Part } from '../../../src-shared/contract';
import { ApiError } from '../../api';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { fenToYuan, formatMoney, yuanToFen } from '../../i18n/money';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { useParts, useSavePart } from './hooks';
import { YuanInput } from '../../ui/YuanInput';
import { FormActions } from '../../ui/FormActions';

type Field = 'partNo' | 'name' | 'unitPrice' | 'active';

function fieldOf(path: string): Field | null {
  return path === 'partNo' || path === 'name' || path === 'unitPrice' || path === 'active' ? path : null;
}

/** Add (part = null) or edit one catalog entry; the price is typed in yuan and saved in fen. */
function PartForm({ part, onSaved, onCancel }: { part: Part | null; onSaved(part: Part): void; onCancel(): void }) {
  const { t } = useTranslation();
  const save = useSavePart();
  const [partNo, setPartNo] = useState(part?.partNo ?? '');
  const [name, setName] = useState(part?.name ?? '');
  const [price, setPrice] = useState<number | string>(part ? fenToYuan(part.unitPrice) : '');
  const [active, setActive] = useState(part?.active ?? true);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  const server: Partial<Record<Field, string>> = save.error ? fieldErrors(t, save.error, fieldOf) : {};
  const errors = { ...server, ...local };
  const general = save.error && Object.keys(server).length === 0 ? errorMessage(t, save.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const unitPrice = typeof price === 'string' && price.trim() === '' ? null : yuanToFen(price);
    const problems: Partial<Record<Field, string>> = {};
    if (!partNo.trim()) problems.partNo = t('validation.required');
    if (!name.trim()) problems.name = t('validation.required');
    if (unitPrice === null) problems.unitPrice = typeof price === 'string' && price.trim() === '' ? t('validation.required') : t('validation.invalid');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || unitPrice === null) return;
    save.mutate({ ...(part ? { id: part.id } : {}), partNo: partNo.trim(), name, unitPrice, active }, { onSuccess: onSaved });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="part-form">
      <Stack gap="sm">
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="part-error">
            {general}
          </Text>
        ) : null}
        <TextInput
          label={t('parts.partNo')}
          description={t('parts.partNoHint')}
          name="partNo"
          required
          maxLength={64}
          value={partNo}
          onChange={(e) => setPartNo(e.currentTarget.value)}
          error={errors.partNo}
          data-autofocus
          data-testid="part-no-input"
        />
        <TextInput
          label={t('parts.name')}
          name="name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-testid="part-name-input"
        />
        <YuanInput
          label={t('parts.unitPriceYuan')}
          name="unitPrice"
          required
          max={1_000_000}
          value={price}
          onChange={setPrice}
          error={errors.unitPrice}
          w={200}
          data-testid="part-price-input"
        />
        <Checkbox label={t('parts.active')} name="active" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="part-active" />
        <FormActions saveLabel={t('parts.save')} pending={save.isPending} onCancel={onCancel} testId="part-submit" />
      </Stack>
    </form>
  );
}

/** The spare parts catalog (备件目录): everyone with parts.read sees it, parts.manage edits it. */
export function PartsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const permissions = session.data?.permissions ?? [];
  const canRead = permissions.includes('parts.read');
  const canManage = permissions.includes('parts.manage');
  const [showInactive, setShowInactive] = useState(false);
  const parts = useParts(showInactive, canRead);
  // undefined: closed; null: a new part; a Part: editing it.
  const [editing, setEditing] = useState<Part | null | undefined>(undefined);

  if (!canRead) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'parts.read needed' })} />;

  function onSaved(part: Part) {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: t('parts.saved', { partNo: part.partNo }) });
  }

  const items = parts.data ?? [];
  return (
    <Stack gap="md" maw={1000} data-testid="parts-page">
      <Group justify="space-between">
        <Title order={2}>{t('parts.title')}</Title>
        <Group gap="md">
          <Switch label={t('parts.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} data-testid="parts-show-inactive" />
          {canManage ? (
            <Button onClick={() => setEditing(null)} data-testid="part-add">
              {t('parts.add')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {parts.isError ? <ErrorAlert error={parts.error} /> : null}
      <Table withTableBorder striped highlightOnHover data-testid="parts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('parts.partNo')}</Table.Th>
            <Table.Th>{t('parts.name')}</Table.Th>
            <Table.Th ta="right">{t('parts.unitPrice')}</Table.Th>
            <Table.Th>{t('parts.status')}</Table.Th>
            {canManage ? <Table.Th w={90} /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} data-testid="part-row">
              <Table.Td ff="monospace">{p.partNo}</Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td ta="right">{formatMoney(p.unitPrice, p.currency, i18n.language)}</Table.Td>
              <Table.Td>
                <Badge color={p.active ? 'teal' : 'gray'} variant="light">
                  {t(p.active ? 'parts.active' : 'parts.inactive')}
                </Badge>
              </Table.Td>
              {canManage ? (
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setEditing(p)} data-testid="part-edit">
                    {t('parts.edit')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {parts.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {!parts.isPending && !parts.isError && items.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="parts-empty">
          {t('parts.empty')}
        </Text>
      ) : null}
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? t('parts.editTitle') : t('parts.add')} trapFocus>
        {editing !== undefined ? <PartForm key={editing?.id ?? 'new'} part={editing} onSaved={onSaved} onCancel={() => setEditing(undefined)} /> : null}
      </Modal>
    </Stack>
  );
}

