import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerLifecycle, CustomerTier } from '../../../src-shared/domain/customers';
import { LIFECYCLE_COLORS, TIER_COLORS } from './customerList';

/** 战略客户 / 重点客户 / 普通客户 / 潜在客户. */
export function TierBadge({ tier }: { tier: CustomerTier }) {
  const { t } = useTranslation();
  return (
    <Badge color={TIER_COLORS[tier]} variant="light" data-testid="tier-badge" data-tier={tier} style={{ flexShrink: 0 }}>
      {t(`customers.tier.${tier}`)}
    </Badge>
  );
}

/** 活跃 / 休眠 / 流失, as main computed it from the latest request or purchase. */
export function LifecycleBadge({ lifecycle }: { lifecycle: CustomerLifecycle }) {
  const { t } = useTranslation();
  return (
    <Badge color={LIFECYCLE_COLORS[lifecycle]} variant="dot" data-testid="lifecycle-badge" data-lifecycle={lifecycle} style={{ flexShrink: 0 }}>
      {t(`customers.lifecycle.${lifecycle}`)}
    </Badge>
  );
}
