import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { AuditEntryView } from '../../../src-shared/contract';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { useLocale } from '../../i18n/useLocale';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useSession } from '../auth/hooks';
import { formatDeskTime } from '../backup/format';
import { useDeskSettings } from '../settings/hooks';
import { AuditDetails } from './AuditDetails';
import { AuditExportMenu } from './AuditExport';
import { AuditFilters } from './AuditFilters';
import { entityRoute } from './details';
import { formFromParams, paramsFromForm, toAuditFilter, type AuditFilterForm } from './filterForm';
import { useAuditList, useRefreshAudit, useVerifyAudit } from './hooks';
import { actionLabel, entityLabel } from './labels';
import { VerifyButton, VerifyResult } from './VerifyChain';

function EntryRow({ entry, timeZone }: { entry: AuditEntryView; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const { locale } = useLocale();
  const exists = (key: string) => i18n.exists(key);
  const label = actionLabel(t, exists, entry.action);
  const route = entityRoute(entry.entity, entry.entityId);
  const number = entry.entityId === null ? null : `#${entry.entityId}`;
  return (
    <Table.Tr data-testid="audit-row" data-id={entry.id} data-action={entry.action} style={{ verticalAlign: 'top' }}>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="audit-row-time">
        {formatDeskTime(entry.at, locale, timeZone)}
      </Table.Td>
      <Table.Td data-testid="audit-row-person">
        {entry.userName ?? (entry.userId === null ? (
          <Text span size="sm" c="dimmed">
            {/* A failed sign-in's person is whoever typed: unknown, not the desk. */}
            {entry.action === 'auth.signInFailed' ? t('audit.unknownPerson') : t('audit.system')}
          </Text>
        ) : (
          `#${entry.userId}`
        ))}
      </Table.Td>
      <Table.Td data-testid="audit-row-action">
        <Text size="sm">{label}</Text>
        {label === entry.action ? null : (
          <Text size="xs" c="dimmed" ff="monospace">
            {entry.action}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="audit-row-entity" style={{ whiteSpace: 'nowrap' }}>
        {entityLabel(t, exists, entry.entity)}{' '}
        {route && number ? (
          <Anchor component={Link} to={route} size="sm" data-testid="audit-row-link">
            {number}
          </Anchor>
        ) : (
          number
        )}
      </Table.Td>
      <Table.Td>
        <AuditDetails details={entry.details} entityId={entry.entityId} />
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * 审计日志 (#/audit, administrators: audit.read): who did what to which record and when,
 * newest first, searched by person, action, object and desk days; the chain checked on
 * demand; the search exported as XLSX or CSV.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.data) return null;
  if (!session.data.permissions.includes('audit.read')) {
    return (
      <Alert color="gray" variant="light" data-testid="audit-no-access">
        {t('audit.noAccess')}
      </Alert>
    );
  }
  const can = (permission: 'users.manage' | 'backup.manage') => session.data?.permissions.includes(permission) ?? false;
  return <AuditTrail canListAccounts={can('users.manage')} canRestore={can('backup.manage')} />;
}

function AuditTrail({ canListAccounts, canRestore }: { canListAccounts: boolean; canRestore: boolean }) {
  const { t } = useTranslation();
  const timeZone = useDeskSettings().data?.timeZone ?? DEFAULT_TIME_ZONE;
  const [params, setParams] = useSearchParams();
  const [form, setFormState] = useState<AuditFilterForm>(() => formFromParams(params));
  // The filter bar is the page's own state, mirrored into the address (quick typing must not
  // read back an address that has not caught up yet); a navigation from elsewhere to
  // #/audit?… (a link, the navigation bar) sets it from the address again.
  const location = useLocation();
  const [seenKey, setSeenKey] = useState(location.key);
  if (location.key !== seenKey) {
    setSeenKey(location.key);
    if ((location.state as { auditFilters?: boolean } | null)?.auditFilters !== true) setFormState(formFromParams(params));
  }
  const setForm = (next: AuditFilterForm) => {
    setFormState(next);
    setParams(paramsFromForm(next), { replace: true, state: { auditFilters: true } });
  };
  const filter = toAuditFilter(form, timeZone);
  const list = useAuditList(filter);
  const verify = useVerifyAudit();
  // The list and the actions the filter offers.
  const refresh = useRefreshAudit();
  const entries = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md" data-testid="audit-page">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3}>{t('audit.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('audit.hint', { timeZone })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="subtle" onClick={() => void refresh()} loading={list.isRefetching && !list.isFetchingNextPage} data-testid="audit-refresh">
            {t('audit.refresh')}
          </Button>
          <VerifyButton pending={verify.isPending} onClick={() => verify.mutate()} />
          <AuditExportMenu filter={filter} />
        </Group>
      </Group>
      <VerifyResult data={verify.data} error={verify.error} onClose={() => verify.reset()} canRestore={canRestore} />
      <AuditFilters form={form} onChange={setForm} canListAccounts={canListAccounts} />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : entries.length === 0 && !list.error ? (
        <Text c="dimmed" data-testid="audit-empty">
          {t('audit.empty')}
        </Text>
      ) : (
        <Table striped highlightOnHover data-testid="audit-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('audit.column.at')}</Table.Th>
              <Table.Th>{t('audit.column.user')}</Table.Th>
              <Table.Th>{t('audit.column.action')}</Table.Th>
              <Table.Th>{t('audit.objectColumn')}</Table.Th>
              <Table.Th>{t('audit.column.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <EntryRow key={entry.id} entry={entry} timeZone={timeZone} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entries.length > 0 ? (
        <Group gap="sm">
          <Text size="sm" c="dimmed" data-testid="audit-count">
            {list.hasNextPage ? t('audit.shown', { count: entries.length }) : t('audit.shownAll', { count: entries.length })}
          </Text>
          {list.hasNextPage ? (
            <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="audit-load-more">
              {t('audit.loadMore')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
