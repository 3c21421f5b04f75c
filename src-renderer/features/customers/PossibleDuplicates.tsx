import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../src-shared/contract';
import { usePossibleDuplicates } from './hooks';

/**
 * Shown while a new customer is typed into the intake form: existing customers with the
 * same name (legal form, width and spacing set aside) or phone, each with the way to use
 * it instead. Nothing is shown when there are none.
 */
export function PossibleDuplicates({
  name,
  phone,
  onUse,
  hint,
  useLabel,
}: {
  name: string;
  phone: string;
  onUse(customer: CustomerSummary): void;
  /** What the warning says above the list (default: the intake form's wording). */
  hint?: string;
  /** Each customer's button (default: 选用此客户). */
  useLabel?: string;
}) {
  const { t } = useTranslation();
  const [debouncedName] = useDebouncedValue(name.trim(), 300);
  const [debouncedPhone] = useDebouncedValue(phone.trim(), 300);
  const found = usePossibleDuplicates(debouncedName, debouncedPhone);
  const items = found.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert color="yellow" title={t('customerDuplicates.title')} data-testid="possible-duplicates">
      <Stack gap={6}>
        <Text size="sm">{hint ?? t('customerDuplicates.hint')}</Text>
        {items.map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap" data-testid="possible-duplicate">
            <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {c.name}
              </Text>
              <Text size="xs" c="dimmed">
                {c.customerNo}
                {c.phone ? ` · ${c.phone}` : ''}
              </Text>
              {c.reasons.map((r) => (
                <Badge key={r} size="xs" variant="light" color="yellow" data-reason={r}>
                  {t(`customerDuplicates.reason.${r}`)}
                </Badge>
              ))}
            </Group>
            <Button size="compact-xs" variant="light" onClick={() => onUse(c)} data-testid="possible-duplicate-use">
              {useLabel ?? t('customerDuplicates.use')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
