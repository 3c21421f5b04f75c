import { Button, Group, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAccounts } from '../users/hooks';
import { groupActions } from './actions';
import { AUDIT_ENTITIES } from './details';
import { EMPTY_FILTER_FORM, rangeReversed, type AuditFilterForm } from './filterForm';
import { useAuditActions } from './hooks';
import { actionLabel, entityLabel, familyLabel } from './labels';

/** The audit trail's filter bar: person, action (by family), object type and number, desk days. */
export function AuditFilters({ form, onChange, canListAccounts }: { form: AuditFilterForm; onChange(next: AuditFilterForm): void; canListAccounts: boolean }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  // The person filter lists every account, disabled ones too: that list is users.manage's.
  const accounts = useAccounts(canListAccounts);
  const actions = useAuditActions();
  const set = <K extends keyof AuditFilterForm>(key: K, value: AuditFilterForm[K]) => onChange({ ...form, [key]: value });

  const people = useMemo(
    () => (accounts.data ?? []).map((a) => ({ value: String(a.id), label: a.disabled ? t('audit.filter.disabledPerson', { name: a.displayName, username: a.username }) : `${a.displayName} (${a.username})` })),
    [accounts.data, t],
  );
  const actionData = groupActions(actions.data ?? [], form.action ?? undefined).map((group) => {
    const family = familyLabel(t, exists, group.family);
    return {
      group: family,
      items: [
        { value: group.family, label: t('audit.filter.allOfFamily', { family, prefix: group.family }) },
        ...group.actions.map((a) => ({ value: a, label: actionLabel(t, exists, a) === a ? a : `${actionLabel(t, exists, a)} (${a})` })),
      ],
    };
  });
  const entityData = AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(t, exists, e) }));
  const reversed = rangeReversed(form);

  return (
    <>
      <Group gap="xs" align="flex-end" wrap="wrap" data-testid="audit-filters">
        {canListAccounts ? (
          <Select
            label={t('audit.filter.person')}
            placeholder={t('audit.filter.anyone')}
            data={people}
            value={form.userId}
            onChange={(v) => set('userId', v)}
            searchable
            clearable
            nothingFoundMessage={t('audit.filter.nothingFound')}
            w={190}
            data-testid="audit-filter-person"
          />
        ) : null}
        <Select
          label={t('audit.filter.action')}
          placeholder={t('audit.filter.anyAction')}
          data={actionData}
          value={form.action}
          onChange={(v) => set('action', v)}
          searchable
          clearable
          nothingFoundMessage={t('audit.filter.nothingFound')}
          maxDropdownHeight={360}
          w={250}
          comboboxProps={{ width: 340, position: 'bottom-start' }}
          data-testid="audit-filter-action"
        />
        <Select
          label={t('audit.filter.entity')}
          placeholder={t('audit.filter.anyEntity')}
          data={entityData}
          value={form.entity}
          onChange={(v) => set('entity', v)}
          searchable
          clearable
          nothingFoundMessage={t('audit.filter.nothingFound')}
          w={160}
          data-testid="audit-filter-entity"
        />
        <TextInput
          label={t('audit.filter.entityId')}
          placeholder={t('audit.filter.entityIdPlaceholder')}
          value={form.entityId}
          onChange={(e) => set('entityId', e.currentTarget.value.replace(/[^\d]/g, ''))}
          inputMode="numeric"
          w={110}
          data-testid="audit-filter-entity-id"
        />
        <TextInput type="date" label={t('audit.filter.from')} value={form.from} onChange={(e) => set('from', e.currentTarget.value)} w={140} data-testid="audit-filter-from" />
        <TextInput
          type="date"
          label={t('audit.filter.to')}
          value={form.to}
          onChange={(e) => set('to', e.currentTarget.value)}
          error={reversed ? t('audit.filter.reversed') : undefined}
          w={140}
          data-testid="audit-filter-to"
        />
        <Button variant="subtle" onClick={() => onChange(EMPTY_FILTER_FORM)} disabled={JSON.stringify(form) === JSON.stringify(EMPTY_FILTER_FORM)} data-testid="audit-filter-clear">
          {t('audit.filter.clear')}
        </Button>
      </Group>
      <ErrorAlert error={accounts.error ?? actions.error} />
    </>
  );
}
