import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useSession } from '../auth/hooks';
import { CustomerAgreementSelect } from '../sla/CustomerAgreementSelect';
import { StatusBadge } from '../tickets/badges';
import { useCustomerServiceSummary } from './hooks';

/**
 * Beside intake: the chosen customer's open and recent requests, so duplicates are caught early.
 * Its links lead out of the form, so following one calls `onLeave` when given (the form's
 * modal closes instead of staying over the page it opened).
 */
export function CustomerServicePanel({ customerId, onLeave }: { customerId: number; onLeave?: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const summary = useCustomerServiceSummary(customerId);
  const canSetAgreement = useSession().data?.permissions.includes('sla.manage') ?? false;
  if (!summary.data) return null;
  const { openRequests, requestsLast12Months, recent, agreement } = summary.data;
  return (
    <Paper withBorder p="xs" data-testid="customer-service-panel">
      <Group justify="space-between" mb={4}>
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('customerHistory.title')}
          </Text>
          <Anchor component={Link} to={`/customers/${customerId}`} size="xs" onClick={onLeave} tabIndex={-1} data-testid="customer-360-link">
            {t('customerHistory.open360')}
          </Anchor>
        </Group>
        <Text size="xs" c="dimmed">
          {t('customerHistory.counts', { open: openRequests, year: requestsLast12Months })}
        </Text>
      </Group>
      {recent.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('customerHistory.none')}
        </Text>
      ) : (
        <Stack gap={2}>
          {recent.slice(0, 5).map((r) => (
            <Group key={r.id} gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/tickets/${r.id}`} size="xs" ff="monospace" onClick={onLeave} tabIndex={-1}>
                {r.number}
              </Anchor>
              <Text size="xs" truncate style={{ flex: 1 }}>
                {r.subject}
              </Text>
              <StatusBadge status={r.status} />
              <Text size="xs" c="dimmed">
                {formatDateTime(r.createdAt, locale)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="xs" data-testid="customer-agreement-name">
        {agreement ? t('customerHistory.agreement', { name: agreement.name }) : t('customerHistory.defaultAgreement')}
      </Text>
      {canSetAgreement ? <CustomerAgreementSelect key={`${customerId}-${agreement?.id ?? 'none'}`} customerId={customerId} current={agreement?.id ?? null} /> : null}
    </Paper>
  );
}
