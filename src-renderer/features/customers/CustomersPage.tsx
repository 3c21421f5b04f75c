import { Anchor, Badge, Box, Button, Group, Kbd, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback, useHotkeys } from '@mantine/hooks';
import { useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CUSTOMER_LIFECYCLES, CUSTOMER_TIERS } from '../../../src-shared/domain/customers';
import { formatDateTime } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SpacerRow } from '../../ui/SpacerRow';
import { HEADER_HEIGHT, ROW_HEIGHT, useVirtualRows } from '../../ui/virtualRows';
import { useSession } from '../auth/hooks';
import { oneOf } from '../tickets/vocabulary';
import { useUserOptions } from '../users/hooks';
import { LifecycleBadge, TierBadge } from './badges';
import { CustomerFormModal } from './CustomerForm';
import { hasCustomerFilters, parseCustomerParams, regionText, toCustomerParams, type CustomerListFilter } from './customerList';
import { useCustomerList, useCustomerTags } from './hooks';

const COLUMNS = 9;
/** Clicks on these inside a row do their own thing, not open the customer. */
const INTERACTIVE = 'button, a, input, textarea, select, [role="dialog"]';

/** The text box is typed into locally and reaches the URL after a pause. */
function SearchBox({ value, onChange, inputRef }: { value: string; onChange(text: string): void; inputRef: RefObject<HTMLInputElement | null> }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const push = useDebouncedCallback((next: string) => onChange(next.trim()), 300);
  return (
    <TextInput
      ref={inputRef}
      label={t('customers.searchLabel')}
      placeholder={t('customers.searchPlaceholder')}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        // Enter searches at once; Escape leaves the box for the list's keys.
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          push.cancel();
          onChange(e.currentTarget.value.trim());
        }
        if (e.key === 'Escape') e.currentTarget.blur();
      }}
      rightSection={<Kbd size="xs">/</Kbd>}
      w={260}
      data-testid="customers-search"
    />
  );
}

interface FiltersProps {
  filter: CustomerListFilter;
  onChange(next: CustomerListFilter): void;
  searchRef: RefObject<HTMLInputElement | null>;
  /** Account managers named on the rows shown, offered besides the assignable users (an agent or an administrator may own customers too). */
  seenOwners: ReadonlyMap<number, string>;
}

function Filters({ filter, onChange, searchRef, seenOwners }: FiltersProps) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const tags = useCustomerTags();
  const any = { value: '', label: t('customers.any') };

  const owners = (users.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }));
  for (const [id, name] of seenOwners) if (!owners.some((o) => o.value === String(id))) owners.push({ value: String(id), label: name });
  // An owner from the URL that nothing names yet: by number until its rows arrive.
  if (filter.ownerId !== undefined && !owners.some((o) => o.value === String(filter.ownerId))) owners.push({ value: String(filter.ownerId), label: String(filter.ownerId) });
  // A copy: the query's cached list is not ours to change.
  const tagOptions = [...(tags.data ?? [])];
  if (filter.tag && !tagOptions.includes(filter.tag)) tagOptions.push(filter.tag);

  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="customers-filters">
      <SearchBox value={filter.text ?? ''} onChange={(text) => onChange({ ...filter, text: text || undefined })} inputRef={searchRef} />
      <NativeSelect
        label={t('customers.filterTier')}
        value={filter.tier ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ ...filter, tier: oneOf(CUSTOMER_TIERS, v) ? v : undefined });
        }}
        data={[any, ...CUSTOMER_TIERS.map((x) => ({ value: x, label: t(`customers.tier.${x}`) }))]}
        w={130}
        data-testid="customers-filter-tier"
      />
      <NativeSelect
        label={t('customers.filterLifecycle')}
        value={filter.lifecycle ?? ''}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ ...filter, lifecycle: oneOf(CUSTOMER_LIFECYCLES, v) ? v : undefined });
        }}
        data={[any, ...CUSTOMER_LIFECYCLES.map((x) => ({ value: x, label: t(`customers.lifecycle.${x}`) }))]}
        w={110}
        data-testid="customers-filter-lifecycle"
      />
      <NativeSelect
        label={t('customers.filterOwner')}
        value={filter.ownerId === undefined ? '' : String(filter.ownerId)}
        onChange={(e) => {
          const v = e.currentTarget.value;
          onChange({ ...filter, ownerId: v === '' ? undefined : Number(v) });
        }}
        data={[any, ...owners]}
        w={150}
        data-testid="customers-filter-owner"
      />
      <NativeSelect
        label={t('customers.filterTag')}
        value={filter.tag ?? ''}
        onChange={(e) => onChange({ ...filter, tag: e.currentTarget.value || undefined })}
        data={[any, ...tagOptions.map((tag) => ({ value: tag, label: tag }))]}
        w={150}
        data-testid="customers-filter-tag"
      />
      {hasCustomerFilters(filter) ? (
        <Button variant="subtle" onClick={() => onChange({})} data-testid="customers-clear-filters">
          {t('customers.clearFilters')}
        </Button>
      ) : null}
    </Group>
  );
}

/**
 * 客户: every customer, newest first, narrowed by text (name, number, phone), tier, lifecycle,
 * account manager or tag (held in the URL); a virtualized keyset-paged table; keys / J K Enter.
 */
export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => parseCustomerParams(params), [params]);
  const list = useCustomerList(filter);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const canManage = useSession().data?.permissions.includes('customers.manage') ?? false;
  const [creating, setCreating] = useState(false);
  const seenOwners = useMemo(() => new Map(items.flatMap((c) => (c.owner ? [[c.owner.id, c.owner.name] as const] : []))), [items]);
  const searchRef = useRef<HTMLInputElement>(null);
  const locale = i18n.language;
  const notSet = t('app.notSet');

  const { scrollRef, virtualItems, paddingTop, paddingBottom, selectedId, selectedIndex, move } = useVirtualRows({ items, hasNextPage, isFetchingNextPage, fetchNextPage });

  /** Rendered at once, as the queue's filters are (QueuePage.update): quick picks build on each other. */
  function update(next: CustomerListFilter) {
    setParams(toCustomerParams(next), { replace: true, flushSync: true });
  }

  function open(id: number) {
    void navigate(`/customers/${id}`);
  }

  // Mantine leaves keys typed into inputs alone, so these never steal the search box's letters.
  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['j', () => !creating && move(1)],
    ['k', () => !creating && move(-1)],
    [
      'Enter',
      (event) => {
        if (creating || selectedId === null || selectedIndex === -1) return;
        if (event.target instanceof HTMLElement && event.target.closest(INTERACTIVE)) return;
        open(selectedId);
      },
      { preventDefault: false },
    ],
  ]);

  return (
    <Stack h="calc(100dvh - var(--app-shell-header-height, 56px) - 2 * var(--mantine-spacing-md))" gap="sm" data-testid="customers-page">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md">
          <Title order={3} data-testid="customers-title">
            {t('customers.title')}
          </Title>
          <Text size="xs" c="dimmed" visibleFrom="md">
            {t('customers.keyboardHint')}
          </Text>
        </Group>
        {canManage ? (
          <Button onClick={() => setCreating(true)} data-testid="customer-add">
            {t('customers.add')}
          </Button>
        ) : null}
      </Group>
      <Filters filter={filter} onChange={update} searchRef={searchRef} seenOwners={seenOwners} />
      <ErrorAlert error={list.error} />
      <Box
        ref={scrollRef}
        flex={1}
        mih={0}
        style={{ overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
        aria-busy={list.isFetching}
        data-testid="customers-scroll"
      >
        <Table
          layout="fixed"
          miw={1240}
          stickyHeader
          highlightOnHover
          verticalSpacing={6}
          opacity={list.isPlaceholderData ? 0.5 : 1}
          data-testid="customers-table"
        >
          <Table.Thead h={HEADER_HEIGHT}>
            <Table.Tr>
              <Table.Th w={120}>{t('customers.column.number')}</Table.Th>
              <Table.Th>{t('customers.column.name')}</Table.Th>
              <Table.Th w={100}>{t('customers.column.tier')}</Table.Th>
              <Table.Th w={80}>{t('customers.column.lifecycle')}</Table.Th>
              <Table.Th w={150}>{t('customers.column.phone')}</Table.Th>
              <Table.Th w={140}>{t('customers.column.region')}</Table.Th>
              <Table.Th w={100}>{t('customers.column.owner')}</Table.Th>
              <Table.Th w={170}>{t('customers.column.tags')}</Table.Th>
              <Table.Th w={140}>{t('customers.column.lastActivity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <SpacerRow height={paddingTop} columns={COLUMNS} />
            {virtualItems.map((row) => {
              const c = items[row.index];
              if (!c) return null;
              const selected = c.id === selectedId;
              const region = regionText(c.province, c.city, locale);
              return (
                <Table.Tr
                  key={c.id}
                  h={ROW_HEIGHT}
                  data-testid="customer-row"
                  data-customer-id={c.id}
                  aria-selected={selected}
                  bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={(e) => {
                    if (e.target instanceof HTMLElement && e.target.closest('a')) return;
                    open(c.id);
                  }}
                >
                  <Table.Td>
                    <Text size="sm" ff="monospace" truncate data-testid="customer-row-number">
                      {c.customerNo}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {/* A real link: Tab reaches every customer and Enter opens it. */}
                    <Anchor component={Link} to={`/customers/${c.id}`} size="sm" c="inherit" display="block" truncate title={c.name} data-testid="customer-row-name">
                      {c.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <TierBadge tier={c.tier} />
                  </Table.Td>
                  <Table.Td>
                    <LifecycleBadge lifecycle={c.lifecycle} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate c={c.phone ? undefined : 'dimmed'}>
                      {c.phone ?? notSet}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate c={region ? undefined : 'dimmed'} data-testid="customer-row-region">
                      {region ?? notSet}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate c={c.owner ? undefined : 'dimmed'}>
                      {c.owner?.name ?? notSet}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }} title={c.tags.join(t('app.listSeparator'))}>
                      {c.tags.map((tag) => (
                        <Badge key={tag} size="sm" variant="outline" color="gray" style={{ flexShrink: 0 }} data-testid="customer-row-tag">
                          {tag}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(c.lastActivityAt, locale)}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
            <SpacerRow height={paddingBottom} columns={COLUMNS} />
          </Table.Tbody>
        </Table>
        {list.isPending ? (
          <Group justify="center" p="lg">
            <Loader size="sm" aria-label={t('app.loading')} />
          </Group>
        ) : null}
        {list.isSuccess && items.length === 0 ? (
          <Text c="dimmed" ta="center" p="xl" data-testid="customers-empty">
            {hasCustomerFilters(filter) ? t('customers.emptyFiltered') : t('customers.empty')}
          </Text>
        ) : null}
      </Box>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="customers-count">
          {items.length > 0 ? (hasNextPage ? t('customers.shown', { count: items.length }) : t('customers.allShown', { count: items.length })) : null}
        </Text>
        {hasNextPage ? (
          <Button variant="default" size="xs" onClick={() => void fetchNextPage()} loading={isFetchingNextPage} data-testid="customers-load-more">
            {t('customers.loadMore')}
          </Button>
        ) : null}
      </Group>
      <CustomerFormModal opened={creating} customer={null} onClose={() => setCreating(false)} />
    </Stack>
  );
}
