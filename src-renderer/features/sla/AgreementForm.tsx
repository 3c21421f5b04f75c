import { Checkbox, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementView } from '../../../src-shared/contract';
import { CHARGING_METHODS, type ChargingMethod } from '../../../src-shared/domain/sla';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { oneOf } from '../tickets/vocabulary';
import { isDay } from './format';
import { useCalendars, useSaveAgreement } from './hooks';
import { parseTargets, targetDrafts } from './targets';
import { TargetsEditor } from './TargetsEditor';

const PLAIN_FIELDS = ['name', 'calendarId', 'chargingMethod', 'includedVisits', 'coveredItems', 'terms', 'validFrom', 'validTo', 'active'] as const;
const MAX_VISITS = 10_000;

/** Input paths as form fields; a target's minutes show under its own input ('targets.2.resolution'). */
function fieldOf(path: string): string | null {
  if ((PLAIN_FIELDS as readonly string[]).includes(path)) return path;
  const target = /^targets\.(\d+)\.(response|resolution)Minutes$/.exec(path);
  if (target) return `targets.${target[1]}.${target[2]}`;
  return path === 'targets' || path.startsWith('targets.') ? 'targets' : null;
}

/** Add (agreement = null) or edit one service agreement (服务协议) with its targets per priority. */
export function AgreementForm({ agreement, onSaved, onCancel }: { agreement: AgreementView | null; onSaved(a: AgreementView): void; onCancel(): void }) {
  const { t } = useTranslation();
  const save = useSaveAgreement();
  const calendars = useCalendars();
  const [name, setName] = useState(agreement?.name ?? '');
  const [calendarId, setCalendarId] = useState(agreement ? String(agreement.calendarId) : '');
  const [charging, setCharging] = useState<ChargingMethod>(agreement?.chargingMethod ?? 'per_visit');
  const [visits, setVisits] = useState<number | string>(agreement?.includedVisits ?? '');
  const [coveredItems, setCoveredItems] = useState(agreement?.coveredItems ?? '');
  const [terms, setTerms] = useState(agreement?.terms ?? '');
  const [validFrom, setValidFrom] = useState(agreement?.validFrom ?? '');
  const [validTo, setValidTo] = useState(agreement?.validTo ?? '');
  const [active, setActive] = useState(agreement?.active ?? true);
  const [targets, setTargets] = useState(() => targetDrafts(agreement?.targets));
  const [local, setLocal] = useState<Record<string, string>>({});

  const server = save.error ? fieldErrors(t, save.error, fieldOf) : {};
  const errors: Record<string, string | undefined> = { ...server, ...local };
  const general = save.error && Object.keys(server).length === 0 ? errorMessage(t, save.error) : null;
  // A new agreement starts in the first calendar (the shipped standard hours) so it can be saved at once.
  const chosenCalendar = calendarId || (calendars.data?.[0] ? String(calendars.data[0].id) : '');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t('validation.required');
    if (!chosenCalendar) problems.calendarId = t('validation.chooseOne');
    const includedVisits = charging === 'annual_contract' && visits !== '' ? Number(visits) : null;
    if (includedVisits !== null && (!Number.isInteger(includedVisits) || includedVisits < 0 || includedVisits > MAX_VISITS)) {
      problems.includedVisits = t('validation.invalid');
    }
    if (validFrom && !isDay(validFrom)) problems.validFrom = t('validation.date');
    if (validTo && !isDay(validTo)) problems.validTo = t('validation.date');
    else if (validFrom && validTo && validTo < validFrom) problems.validTo = t('validation.validToBeforeFrom');
    const parsed = parseTargets(targets);
    if ('problems' in parsed) for (const [field, code] of Object.entries(parsed.problems)) problems[field] = t(`validation.${code}`);
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !('targets' in parsed)) return;
    save.mutate(
      {
        ...(agreement ? { id: agreement.id } : {}),
        name: name.trim(),
        calendarId: Number(chosenCalendar),
        chargingMethod: charging,
        includedVisits,
        coveredItems,
        terms,
        validFrom: validFrom || null,
        validTo: validTo || null,
        active,
        targets: parsed.targets,
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="agreement-form">
      <Stack gap="sm">
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="agreement-error">
            {general}
          </Text>
        ) : null}
        <TextInput
          label={t('slaAdmin.agreements.name')}
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
          data-testid="agreement-name"
        />
        <ErrorAlert error={calendars.error} testId="agreement-calendars-error" />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('slaAdmin.agreements.calendar')}
            description={t('slaAdmin.agreements.calendarHint')}
            required
            value={chosenCalendar}
            onChange={(e) => setCalendarId(e.currentTarget.value)}
            error={errors.calendarId}
            data={(calendars.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
            data-testid="agreement-calendar"
          />
          <NativeSelect
            label={t('slaAdmin.agreements.chargingMethod')}
            value={charging}
            onChange={(e) => oneOf(CHARGING_METHODS, e.currentTarget.value) && setCharging(e.currentTarget.value)}
            error={errors.chargingMethod}
            data={CHARGING_METHODS.map((m) => ({ value: m, label: t(`slaAdmin.charging.${m}`) }))}
            data-testid="agreement-charging"
          />
        </Group>
        {charging === 'annual_contract' ? (
          <NumberInput
            label={t('slaAdmin.agreements.includedVisits')}
            description={t('slaAdmin.agreements.includedVisitsHint')}
            min={0}
            max={MAX_VISITS}
            allowDecimal={false}
            allowNegative={false}
            value={visits}
            onChange={setVisits}
            error={errors.includedVisits}
            w={240}
            data-testid="agreement-included-visits"
          />
        ) : null}
        <Textarea
          label={t('slaAdmin.agreements.coveredItems')}
          description={t('slaAdmin.agreements.coveredItemsHint')}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          value={coveredItems}
          onChange={(e) => setCoveredItems(e.currentTarget.value)}
          error={errors.coveredItems}
          data-testid="agreement-covered-items"
        />
        <Textarea
          label={t('slaAdmin.agreements.terms')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          value={terms}
          onChange={(e) => setTerms(e.currentTarget.value)}
          error={errors.terms}
          data-testid="agreement-terms"
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('slaAdmin.agreements.validFrom')}
            description={t('slaAdmin.agreements.dateHint')}
            placeholder="YYYY-MM-DD"
            maxLength={10}
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value.trim())}
            error={errors.validFrom}
            data-testid="agreement-valid-from"
          />
          <TextInput
            label={t('slaAdmin.agreements.validTo')}
            description={t('slaAdmin.agreements.dateHint')}
            placeholder="YYYY-MM-DD"
            maxLength={10}
            value={validTo}
            onChange={(e) => setValidTo(e.currentTarget.value.trim())}
            error={errors.validTo}
            data-testid="agreement-valid-to"
          />
        </Group>
        <div>
          <Text size="sm" fw={500}>
            {t('slaAdmin.agreements.targets')}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            {t('slaAdmin.agreements.targetsHint')}
          </Text>
          <TargetsEditor value={targets} onChange={setTargets} errors={errors} />
          {errors.targets ? (
            <Text c="red" size="xs" mt={4}>
              {errors.targets}
            </Text>
          ) : null}
        </div>
        <Checkbox label={t('slaAdmin.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="agreement-active" />
        <FormActions saveLabel={t('slaAdmin.save')} pending={save.isPending} onCancel={onCancel} testId="agreement-submit" />
      </Stack>
    </form>
  );
}
