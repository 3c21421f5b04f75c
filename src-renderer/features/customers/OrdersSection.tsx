import { Badge, Button, CloseButton, Group, Modal, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PurchaseOrder } from '../../../src-shared/contract';
import { errorMessage } from '../../i18n/errors';
import { formatDay } from '../../i18n/format';
import { formatMoney } from '../../i18n/money';
import { ConfirmRemoveModal } from '../../ui/ConfirmRemoveModal';
import { FormActions } from '../../ui/FormActions';
import { FormError } from '../../ui/FormError';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { YuanInput } from '../../ui/YuanInput';
import { useDeskToday } from '../settings/hooks';
import { productLabel } from './assets';
import { useProducts, useRemoveOrder, useSaveOrder } from './hooks';
import {
  blankLine,
  draftTotal,
  hasOrderErrors,
  lineAmount,
  NO_ORDER_ERRORS,
  orderDraft,
  orderFieldErrors,
  orderInput,
  orderLineLabel,
  orderLocalErrors,
  ordersTotal,
  type OrderDraft,
  type OrderErrors,
  type OrderLineDraft,
} from './orders';
import { removeActions } from './removeActions';
import { Empty, RowActions, Section } from './Section';

/** New orders are kept in the desk's currency (main's default). */
const DESK_CURRENCY = 'CNY';

interface FormProps {
  customerId: number;
  /** null: a new order. */
  order: PurchaseOrder | null;
  onSaved(order: PurchaseOrder): void;
  onCancel(): void;
}

/** Adds or edits a purchase order: number, date, note and its lines (product or description, quantity, unit price in 元). */
function OrderForm({ customerId, order, onSaved, onCancel }: FormProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const save = useSaveOrder();
  const products = useProducts();
  const today = useDeskToday();
  const [draft, setDraft] = useState<OrderDraft>(() => orderDraft(order, today));
  const [local, setLocal] = useState<OrderErrors>(NO_ORDER_ERRORS);
  const currency = order?.currency ?? DESK_CURRENCY;

  const server = save.error ? orderFieldErrors(t, save.error) : NO_ORDER_ERRORS;
  const errors: OrderErrors = {
    fields: { ...server.fields, ...local.fields },
    lines: draft.lines.map((_, i) => ({ ...server.lines[i], ...local.lines[i] })),
  };
  const general = save.error && !hasOrderErrors(server) ? errorMessage(t, save.error) : null;

  function setField(field: 'orderNo' | 'orderedOn' | 'note') {
    return (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setDraft((d) => ({ ...d, [field]: value }));
    };
  }

  function setLine(key: number, patch: Partial<OrderLineDraft>) {
    setDraft((d) => ({ ...d, lines: d.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
  }

  function removeLine(key: number) {
    // Line errors are by position: start them afresh.
    setLocal(NO_ORDER_ERRORS);
    save.reset();
    setDraft((d) => ({ ...d, lines: d.lines.filter((l) => l.key !== key) }));
  }

  function addLine() {
    setDraft((d) => ({ ...d, lines: [...d.lines, blankLine()] }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems = orderLocalErrors(t, draft);
    setLocal(problems);
    if (hasOrderErrors(problems)) return;
    save.mutate(orderInput(customerId, order?.id ?? null, draft), { onSuccess: onSaved });
  }

  const productOptions = [{ value: '', label: t('orders.productNone') }, ...(products.data ?? []).map((p) => ({ value: String(p.id), label: productLabel(p) }))];
  const money = (fen: number) => formatMoney(fen, currency, locale);

  return (
    <form onSubmit={submit} noValidate data-testid="order-form">
      <Stack gap="sm">
        <FormError message={general} testId="order-form-error" />
        <ErrorAlert error={products.error} />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('orders.orderNo')}
            name="orderNo"
            required
            maxLength={50}
            ff="monospace"
            value={draft.orderNo}
            onChange={setField('orderNo')}
            error={errors.fields.orderNo}
            data-autofocus
            data-testid="order-form-number"
          />
          <TextInput
            type="date"
            label={t('orders.orderedOn')}
            name="orderedOn"
            required
            value={draft.orderedOn}
            onChange={setField('orderedOn')}
            error={errors.fields.orderedOn}
            data-testid="order-form-date"
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('orders.lines')}
          </Text>
          <Table withTableBorder verticalSpacing={4} data-testid="order-form-lines">
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th w={48}>{t('orders.lineNo')}</Table.Th>
                <Table.Th w={240}>{t('orders.product')}</Table.Th>
                <Table.Th>{t('orders.description')}</Table.Th>
                <Table.Th w={90}>{t('orders.quantity')}</Table.Th>
                <Table.Th w={130}>{t('orders.unitPrice')}</Table.Th>
                <Table.Th w={120} ta="right">
                  {t('orders.amount')}
                </Table.Th>
                <Table.Th w={36} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.lines.map((line, i) => {
                const lineErrors = errors.lines[i] ?? {};
                const amount = lineAmount(line);
                const n = i + 1;
                return (
                  <Table.Tr key={line.key} data-testid="order-line" style={{ verticalAlign: 'top' }}>
                    <Table.Td pt={10}>
                      <Text size="sm" c="dimmed">
                        {n}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={`${t('orders.product')} ${n}`}
                        value={line.productId}
                        onChange={(e) => setLine(line.key, { productId: e.currentTarget.value })}
                        error={lineErrors.productId}
                        data={productOptions}
                        data-testid="order-line-product"
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={`${t('orders.description')} ${n}`}
                        maxLength={200}
                        value={line.description}
                        onChange={(e) => setLine(line.key, { description: e.currentTarget.value })}
                        error={lineErrors.description}
                        data-testid="order-line-description"
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`${t('orders.quantity')} ${n}`}
                        min={1}
                        max={1_000_000}
                        allowDecimal={false}
                        allowNegative={false}
                        hideControls
                        value={line.quantity}
                        onChange={(value) => setLine(line.key, { quantity: value })}
                        error={lineErrors.quantity}
                        data-testid="order-line-quantity"
                      />
                    </Table.Td>
                    <Table.Td>
                      <YuanInput
                        aria-label={`${t('orders.unitPrice')} ${n}`}
                        thousandSeparator=","
                        value={line.unitPrice}
                        onChange={(value) => setLine(line.key, { unitPrice: value })}
                        error={lineErrors.unitPrice}
                        data-testid="order-line-price"
                      />
                    </Table.Td>
                    <Table.Td ta="right" pt={10}>
                      <Text size="sm" ff="monospace" data-testid="order-line-amount">
                        {amount === null ? t('app.notSet') : money(amount)}
                      </Text>
                    </Table.Td>
                    <Table.Td pt={8}>
                      {draft.lines.length > 1 ? (
                        <CloseButton size="sm" aria-label={t('orders.removeLine', { n })} onClick={() => removeLine(line.key)} data-testid="order-line-remove" />
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {errors.fields.lines ? (
            <Text c="red" size="xs" role="alert">
              {errors.fields.lines}
            </Text>
          ) : null}
          <Group justify="space-between">
            <Button variant="subtle" size="xs" onClick={addLine} disabled={draft.lines.length >= 200} data-testid="order-add-line">
              {t('orders.addLine')}
            </Button>
            <Text fw={600} data-testid="order-form-total">
              {t('orders.totalLine', { total: money(draftTotal(draft.lines)) })}
            </Text>
          </Group>
        </Stack>
        <Textarea
          label={t('orders.note')}
          name="note"
          autosize
          minRows={1}
          maxRows={4}
          maxLength={500}
          value={draft.note}
          onChange={setField('note')}
          error={errors.fields.note}
          data-testid="order-form-note"
        />
        <FormActions saveLabel={t('orders.save')} pending={save.isPending} onCancel={onCancel} testId="order-form-save" />
      </Stack>
    </form>
  );
}

function RemoveOrderModal({ order, onClose }: { order: PurchaseOrder | null; onClose(): void }) {
  const { t } = useTranslation();
  const remove = useRemoveOrder();
  const orderNo = order?.orderNo ?? '';
  const { close, confirm } = removeActions(remove, order, t('orders.removed', { orderNo }), onClose);

  return (
    <ConfirmRemoveModal
      opened={order !== null}
      title={t('orders.removeTitle')}
      message={t('orders.removeConfirm', { orderNo })}
      confirmLabel={t('orders.remove')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={confirm}
      onClose={close}
      testId="order-remove"
    />
  );
}

/** 采购订单: the customer's purchase orders, newest first, each with its lines and total; holders of customers.manage add, edit and delete. */
export function OrdersSection({ customerId, orders, canManage }: { customerId: number; orders: PurchaseOrder[]; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  // undefined: closed; null: a new order; an order: editing it.
  const [editing, setEditing] = useState<PurchaseOrder | null | undefined>(undefined);
  const [removing, setRemoving] = useState<PurchaseOrder | null>(null);
  const sum = ordersTotal(orders);

  function onSaved(order: PurchaseOrder) {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: t('orders.saved', { orderNo: order.orderNo }) });
  }

  const action = (
    <Group gap="md">
      {sum && orders.length > 1 ? (
        <Text size="sm" c="dimmed" data-testid="orders-total">
          {t('orders.totalLine', { total: formatMoney(sum.total, sum.currency, locale) })}
        </Text>
      ) : null}
      {canManage ? (
        <Button size="xs" variant="light" onClick={() => setEditing(null)} data-testid="order-add">
          {t('orders.add')}
        </Button>
      ) : null}
    </Group>
  );

  return (
    <Section title={t('orders.title')} testId="customer-orders" action={action}>
      {orders.length === 0 ? (
        <Empty text={t('orders.empty')} testId="customer-orders-empty" />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped>
            <Table.Thead style={{ whiteSpace: 'nowrap' }}>
              <Table.Tr>
                <Table.Th w={150}>{t('orders.orderNo')}</Table.Th>
                <Table.Th w={110}>{t('orders.orderedOn')}</Table.Th>
                <Table.Th>{t('orders.lines')}</Table.Th>
                <Table.Th w={130} ta="right">
                  {t('orders.total')}
                </Table.Th>
                <Table.Th w={100}>{t('orders.source')}</Table.Th>
                {canManage ? <Table.Th w={120} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((o) => (
                // Focusable from the timeline's link to the order.
                <Table.Tr key={o.id} data-testid="customer-order" data-order-id={o.id} tabIndex={-1} style={{ verticalAlign: 'top' }}>
                  <Table.Td ff="monospace" data-testid="order-number">
                    {o.orderNo}
                  </Table.Td>
                  <Table.Td>{formatDay(o.orderedOn, locale)}</Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {o.lines.map((l) => (
                        <Text key={l.id} size="sm" data-testid="order-line-text">
                          {t('orders.lineText', { item: orderLineLabel(l), quantity: l.quantity, price: formatMoney(l.unitPrice, o.currency, locale) })}
                        </Text>
                      ))}
                      {o.note ? (
                        <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                          {o.note}
                        </Text>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fw={600} data-testid="order-total">
                    {formatMoney(o.total, o.currency, locale)}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={o.source === 'erp' ? 'indigo' : 'gray'} size="sm">
                      {t(`orders.sourceKind.${o.source}`)}
                    </Badge>
                  </Table.Td>
                  {canManage ? (
                    <RowActions
                      editLabel={t('orders.edit')}
                      removeLabel={t('orders.remove')}
                      onEdit={() => setEditing(o)}
                      onRemove={() => setRemoving(o)}
                      testId="order"
                    />
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? t('orders.editTitle') : t('orders.addTitle')} size={1000} trapFocus>
        {editing !== undefined ? <OrderForm key={editing?.id ?? 'new'} customerId={customerId} order={editing} onSaved={onSaved} onCancel={() => setEditing(undefined)} /> : null}
      </Modal>
      <RemoveOrderModal order={removing} onClose={() => setRemoving(null)} />
    </Section>
  );
}
