import { ActionIcon, Button, Group, NativeSelect, NumberInput, Radio, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORK_OUTCOMES, type WorkOutcome } from '../../../../src-shared/domain/lifecycle';
import { formatMoney, yuanToFen } from '../../../i18n/money';
import { useParts } from '../../parts/hooks';
import { fromLocalInput, spanMinutes, splitMinutes, toLocalInput, workMinutesOf } from '../workTime';
import { ActionFormFrame, useActionErrors, type ActionFormProps } from './ActionForm';
import { YuanInput } from '../../../ui/YuanInput';

type Kind = 'onsite' | 'remote';
type Charging = 'covered' | 'chargeable';
type Field = 'kind' | 'startedAt' | 'endedAt' | 'workMinutes' | 'parts' | 'labourFee' | 'travelFee' | 'chargeable' | 'findings' | 'outcome';

interface PartRow {
  key: number;
  partId: string;
  quantity: number | string;
}

/** Input paths of tickets.logWork → form fields; a part row's problem is keyed "part.<index>". */
function fieldOf(path: string): string | null {
  const row = /^parts\.(\d+)\./.exec(path);
  if (row) return `part.${row[1]}`;
  if (path === 'parts') return 'parts';
  const fields: readonly string[] = ['kind', 'startedAt', 'endedAt', 'workMinutes', 'labourFee', 'travelFee', 'chargeable', 'findings', 'outcome'];
  return fields.includes(path) ? path : null;
}

const FIVE_MINUTES = 5 * 60_000;

function XIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 6l12 12M18 6L6 18" />
    </svg>
  );
}

/** A visit or remote session: when, hours, spare parts, fees, charging, findings and the outcome. */
export function LogWorkForm({ ticket, submit, pending, error, onCancel }: ActionFormProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const parts = useParts(false);

  // By default the visit is the hour up to now (to five minutes).
  const [initialEnd] = useState(() => Math.floor(Date.now() / FIVE_MINUTES) * FIVE_MINUTES);
  const [kind, setKind] = useState<Kind>('onsite');
  const [startedAt, setStartedAt] = useState(() => toLocalInput(initialEnd - 60 * 60_000));
  const [endedAt, setEndedAt] = useState(() => toLocalInput(initialEnd));
  // Hours worked follow the span until typed into.
  const [hoursTyped, setHoursTyped] = useState<{ hours: number | string; minutes: number | string } | null>(null);
  const [rows, setRows] = useState<PartRow[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [labourFee, setLabourFee] = useState<number | string>('');
  const [travelFee, setTravelFee] = useState<number | string>('');
  const [charging, setCharging] = useState<Charging | ''>('');
  const [findings, setFindings] = useState('');
  const [outcome, setOutcome] = useState<WorkOutcome | ''>('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { fields, general } = useActionErrors(error, fieldOf);
  const errors: Record<string, string> = { ...fields, ...local };

  const startMs = fromLocalInput(startedAt);
  const endMs = fromLocalInput(endedAt);
  const span = spanMinutes(startMs, endMs);
  const hours = hoursTyped ?? splitMinutes(span);
  const workMinutes = workMinutesOf(hours.hours, hours.minutes);

  const catalog = parts.data ?? [];
  const byId = new Map(catalog.map((p) => [String(p.id), p]));
  const lineTotal = (row: PartRow) => {
    const part = byId.get(row.partId);
    const qty = typeof row.quantity === 'number' ? row.quantity : Number(row.quantity);
    return part && Number.isInteger(qty) && qty > 0 ? part.unitPrice * qty : 0;
  };
  const partsFee = rows.reduce((sum, r) => sum + lineTotal(r), 0);
  const labourFen = yuanToFen(labourFee);
  const travelFen = yuanToFen(travelFee);
  const total = partsFee + (labourFen ?? 0) + (travelFen ?? 0);
  const money = (fen: number) => formatMoney(fen, 'CNY', locale);

  function updateRow(key: number, change: Partial<PartRow>) {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));
  }

  function addRow() {
    setRows((current) => [...current, { key: nextKey, partId: '', quantity: 1 }]);
    setNextKey((k) => k + 1);
  }

  function onSubmit() {
    const problems: Record<string, string> = {};
    const required = t('validation.required');
    if (startMs === null) problems.startedAt = required;
    if (endMs === null) problems.endedAt = required;
    if (startMs !== null && endMs !== null && endMs < startMs) problems.endedAt = t('validation.beforeStart');
    if (workMinutes === null) problems.workMinutes = t('validation.invalid');
    else if (startMs !== null && endMs !== null && workMinutes > Math.ceil((endMs - startMs) / 60_000)) problems.workMinutes = t('validation.longerThanVisit');
    rows.forEach((r, i) => {
      const qty = Number(r.quantity);
      if (!r.partId) problems[`part.${i}`] = t('actionForm.choosePart');
      else if (!Number.isInteger(qty) || qty < 1) problems[`part.${i}`] = t('validation.invalid');
    });
    if (labourFen === null) problems.labourFee = t('validation.invalid');
    if (travelFen === null) problems.travelFee = t('validation.invalid');
    if (!charging) problems.chargeable = t('validation.chooseOne');
    if (!findings.trim()) problems.findings = required;
    if (!outcome) problems.outcome = t('validation.chooseOne');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || startMs === null || endMs === null || workMinutes === null || !charging || !outcome) return;

    submit({
      action: 'logWork',
      input: {
        id: ticket.id,
        version: ticket.version,
        kind,
        startedAt: startMs,
        endedAt: endMs,
        workMinutes,
        parts: rows.map((r) => ({ partId: Number(r.partId), quantity: Number(r.quantity) })),
        labourFee: labourFen ?? 0,
        travelFee: travelFen ?? 0,
        chargeable: charging === 'chargeable',
        findings,
        outcome,
      },
    });
  }

  const err = (f: Field) => errors[f];

  return (
    <ActionFormFrame action="logWork" onSubmit={onSubmit} pending={pending} general={general} onCancel={onCancel}>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('actionForm.kind')}
        </Text>
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          data={(['onsite', 'remote'] as const).map((k) => ({ value: k, label: t(`lifecycle.workKind.${k}`) }))}
          data-testid="work-kind"
        />
      </div>
      <SimpleGrid cols={2}>
        <TextInput
          label={t('actionForm.startedAt')}
          name="startedAt"
          type="datetime-local"
          required
          value={startedAt}
          onChange={(e) => setStartedAt(e.currentTarget.value)}
          error={err('startedAt')}
          data-testid="work-started"
        />
        <TextInput
          label={t('actionForm.endedAt')}
          name="endedAt"
          type="datetime-local"
          required
          value={endedAt}
          onChange={(e) => setEndedAt(e.currentTarget.value)}
          error={err('endedAt')}
          data-testid="work-ended"
        />
      </SimpleGrid>
      <div>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NumberInput
            label={t('actionForm.workTime')}
            rightSection={
              <Text size="xs" c="dimmed">
                {t('actionForm.hours')}
              </Text>
            }
            rightSectionWidth={48}
            name="workHours"
            min={0}
            max={24}
            decimalScale={2}
            hideControls
            value={hours.hours}
            onChange={(v) => setHoursTyped({ hours: v, minutes: hours.minutes })}
            error={Boolean(err('workMinutes'))}
            w={140}
            data-testid="work-hours"
          />
          <NumberInput
            aria-label={t('actionForm.minutes')}
            rightSection={
              <Text size="xs" c="dimmed">
                {t('actionForm.minutes')}
              </Text>
            }
            rightSectionWidth={48}
            name="workMinutes"
            min={0}
            max={24 * 60}
            allowDecimal={false}
            hideControls
            value={hours.minutes}
            onChange={(v) => setHoursTyped({ hours: hours.hours, minutes: v })}
            error={Boolean(err('workMinutes'))}
            w={120}
            data-testid="work-minutes"
          />
          <Text size="sm" c="dimmed" pb={8} data-testid="work-total-minutes">
            {workMinutes !== null ? t('actionForm.workTimeTotal', { minutes: workMinutes }) : null}
          </Text>
        </Group>
        <Text size="xs" c={err('workMinutes') ? 'red' : 'dimmed'} mt={4}>
          {err('workMinutes') ?? t('actionForm.workTimeHint', { span })}
        </Text>
      </div>

      <div>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={500}>
            {t('actionForm.parts')}
          </Text>
          <Button variant="light" size="compact-sm" onClick={addRow} data-testid="add-part">
            + {t('actionForm.addPart')}
          </Button>
        </Group>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('actionForm.noParts')}
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} data-testid="work-parts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('actionForm.part')}</Table.Th>
                <Table.Th w={90}>{t('actionForm.quantity')}</Table.Th>
                <Table.Th w={100} ta="right">
                  {t('actionForm.unitPrice')}
                </Table.Th>
                <Table.Th w={110} ta="right">
                  {t('actionForm.lineTotal')}
                </Table.Th>
                <Table.Th w={36} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => {
                const part = byId.get(row.partId);
                return (
                  <Table.Tr key={row.key} data-testid="work-part-row">
                    <Table.Td>
                      <NativeSelect
                        aria-label={t('actionForm.part')}
                        size="xs"
                        value={row.partId}
                        onChange={(e) => updateRow(row.key, { partId: e.currentTarget.value })}
                        error={errors[`part.${i}`]}
                        data-testid="work-part-select"
                        data={[
                          { value: '', label: t('actionForm.choosePart') },
                          ...catalog.map((p) => ({ value: String(p.id), label: `${p.partNo} · ${p.name}` })),
                        ]}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={t('actionForm.quantity')}
                        size="xs"
                        min={1}
                        max={10_000}
                        allowDecimal={false}
                        value={row.quantity}
                        onChange={(v) => updateRow(row.key, { quantity: v })}
                        data-testid="work-part-quantity"
                      />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{part ? money(part.unitPrice) : '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" data-testid="work-part-total">
                        {part ? money(lineTotal(row)) : '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('actionForm.removePart')}
                        onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
                      >
                        <XIcon />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {errors.parts ? (
          <Text c="red" size="xs" mt={4}>
            {errors.parts}
          </Text>
        ) : null}
      </div>

      <SimpleGrid cols={2}>
        <YuanInput
          label={t('actionForm.labourFee')}
          name="labourFee"
          value={labourFee}
          onChange={setLabourFee}
          error={err('labourFee')}
          data-testid="work-labour-fee"
        />
        <YuanInput
          label={t('actionForm.travelFee')}
          name="travelFee"
          value={travelFee}
          onChange={setTravelFee}
          error={err('travelFee')}
          data-testid="work-travel-fee"
        />
      </SimpleGrid>
      <Radio.Group label={t('actionForm.charging')} required value={charging} onChange={(v) => setCharging(v as Charging)} error={err('chargeable')}>
        <Group gap="lg" mt={4}>
          <Radio value="covered" label={t('actionForm.covered')} data-testid="charging-covered" />
          <Radio value="chargeable" label={t('actionForm.chargeable')} data-testid="charging-chargeable" />
        </Group>
      </Radio.Group>
      <Text size="sm" data-testid="work-fees-total">
        {t('actionForm.feesTotal', { amount: money(total) })}
      </Text>
      <Textarea
        label={t('actionForm.findings')}
        placeholder={t('actionForm.findingsPlaceholder')}
        name="findings"
        required
        autosize
        minRows={3}
        maxRows={8}
        maxLength={5000}
        value={findings}
        onChange={(e) => setFindings(e.currentTarget.value)}
        error={err('findings')}
        data-testid="work-findings"
      />
      <Radio.Group label={t('actionForm.outcome')} required value={outcome} onChange={(v) => setOutcome(v as WorkOutcome)} error={err('outcome')}>
        <Stack gap={6} mt={4}>
          {WORK_OUTCOMES.map((o) => (
            <Radio key={o} value={o} label={t(`lifecycle.outcome.${o}`)} data-testid={`outcome-${o}`} />
          ))}
        </Stack>
      </Radio.Group>
    </ActionFormFrame>
  );
}
