import { Anchor, Code, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue, personalTextLength, summarizeDetails } from './details';
import { fieldLabel, valueLabel } from './labels';

/** An entry's details: a few lines (字段: 旧 → 新, or the input's key fields), expandable to the full JSON. */
export function AuditDetails({ details, entityId }: { details: Record<string, unknown> | null; entityId: number | null }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!details) return <Text size="sm" c="dimmed">{t('app.notSet')}</Text>;
  const exists = (key: string) => i18n.exists(key);
  const summary = summarizeDetails(details, entityId);
  const value = (field: string, v: unknown) => {
    const personal = personalTextLength(v);
    return personal !== null ? t('audit.personalText', { count: personal }) : (valueLabel(t, exists, field, v) ?? formatValue(v));
  };
  return (
    <Stack gap={2} data-testid="audit-details">
      {summary.lines.map((line) => (
        <Text key={line.field} size="xs" data-testid="audit-detail-line" style={{ wordBreak: 'break-word' }}>
          <Text span size="xs" c="dimmed">
            {fieldLabel(t, exists, line.field)}
            {t('audit.fieldSeparator')}
          </Text>
          {line.kind === 'change' ? t('audit.change', { before: value(line.field, line.before), after: value(line.field, line.after) }) : value(line.field, line.value)}
        </Text>
      ))}
      {summary.more > 0 && !open ? (
        <Text size="xs" c="dimmed">
          {t('audit.moreFields', { count: summary.more })}
        </Text>
      ) : null}
      <Anchor component="button" type="button" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="audit-details-toggle" style={{ alignSelf: 'flex-start' }}>
        {open ? t('audit.hideJson') : t('audit.showJson')}
      </Anchor>
      {open ? (
        <Code block data-testid="audit-details-json" style={{ maxWidth: 520, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {JSON.stringify(details, null, 2)}
        </Code>
      ) : null}
    </Stack>
  );
}
