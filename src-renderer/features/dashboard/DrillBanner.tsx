import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DrillInput } from '../../../src-shared/contract/dashboard';

/**
 * Above the queue when it lists a dashboard figure's requests: which figure, which period,
 * the figure as the dashboard showed it and how many the list holds, and a way back to the
 * plain queue.
 */
export function DrillBanner({ drill, figure, shown, more, onClear }: { drill: DrillInput; figure: string | null; shown: number; more: boolean; onClear(): void }) {
  const { t } = useTranslation();
  const period = drill.from ? t('dashboard.drill.range', { from: drill.from, to: drill.to }) : t('dashboard.drill.since', { to: drill.to });
  return (
    <Alert variant="light" color="blue" p="xs" data-testid="drill-banner" data-measure={drill.measure}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="md">
          <Text size="sm">{t('dashboard.drill.banner', { measure: t(`dashboard.measure.${drill.measure}`), period })}</Text>
          {figure !== null && (
            <Text size="sm" fw={500} data-testid="drill-figure" data-count={figure}>
              {t('dashboard.drill.figure', { count: Number(figure) })}
            </Text>
          )}
          <Text size="sm" c="dimmed" data-testid="drill-shown" data-count={shown} data-more={more}>
            {t('dashboard.drill.shown', { count: shown, more: more ? '+' : '' })}
          </Text>
        </Group>
        <Button size="xs" variant="subtle" onClick={onClear} data-testid="drill-clear">
          {t('dashboard.drill.clear')}
        </Button>
      </Group>
    </Alert>
  );
}
