import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SlaCountdown as SlaCountdownData, TicketListItem } from '../../../src-shared/contract';
import type { SlaTone } from '../../../src-shared/domain/sla';
import { formatDateTime } from '../../i18n/format';
import { useCountdown } from './clockHooks';
import { countdownText } from './countdown';

/** Calm while time is left, amber once a warning threshold is used up, red when overdue. */
const TONE_COLORS: Record<SlaTone, string> = { ok: 'gray', warning: 'orange', breached: 'red' };

/** A live countdown to one SLA target in business time: "响应 2小时 05分", "解决 超时 1小时 00分". */
export function SlaCountdown({ sla }: { sla: SlaCountdownData }) {
  const { t, i18n } = useTranslation();
  const countdown = useCountdown(sla);
  if (!countdown) return null;
  const text = countdownText(t, countdown);
  return (
    <Badge
      color={TONE_COLORS[countdown.tone]}
      variant={countdown.tone === 'breached' ? 'filled' : 'light'}
      tt="none"
      // The full text too: a narrow column may cut the badge short.
      title={`${text} · ${t('sla.dueAt', { at: formatDateTime(sla.dueAt, i18n.language) })}`}
      data-testid="sla-countdown"
      data-tone={countdown.tone}
      data-target={sla.target}
    >
      {text}
    </Badge>
  );
}

/** A breached request whose clocks no longer run (on hold, resolved, closed) stays marked. */
export function SlaBreachedBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="red" variant="light" tt="none" data-testid="sla-breached">
      {t('sla.breached')}
    </Badge>
  );
}

/** A queue row's SLA: the nearest running target's countdown, else whether a target was breached. */
export function SlaCell({ item }: { item: Pick<TicketListItem, 'sla' | 'breached'> }) {
  if (item.sla) return <SlaCountdown sla={item.sla} />;
  return item.breached ? <SlaBreachedBadge /> : null;
}
