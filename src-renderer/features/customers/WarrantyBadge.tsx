import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WarrantyState } from '../../../src-shared/contract';
import { WARRANTY_COLORS } from './customer360';

/** An installed product's warranty today, in the colour of its state. */
export function WarrantyBadge({ state }: { state: WarrantyState }) {
  const { t } = useTranslation();
  // No warranty at all is not a warning: it is shown, but quietly.
  const none = state === 'none';
  return (
    <Badge color={WARRANTY_COLORS[state]} variant={none ? 'outline' : 'light'} c={none ? 'dimmed' : undefined} data-testid="warranty-badge" data-warranty={state}>
      {t(`customer360.assets.warranty.${state}`)}
    </Badge>
  );
}
