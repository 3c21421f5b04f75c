import { Checkbox, Group, NativeSelect, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationRule } from '../../../src-shared/contract';
import { ESCALATION_ACTIONS, ESCALATION_TARGETS, type EscalationAction, type EscalationTarget } from '../../../src-shared/domain/sla';
import { TICKET_PRIORITIES } from '../../../src-shared/domain/tickets';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { AvailabilityDot } from '../../ui/AvailabilityDot';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { isEscalationAction, isTicketPriority, oneOf } from '../tickets/vocabulary';
import { useAssignees } from '../users/hooks';
import { useAgreements, useSaveEscalation } from './hooks';

type Field = 'name' | 'position' | 'onTarget' | 'priority' | 'agreementId' | 'action' | 'engineerIds';
const FIELDS: readonly Field[] = ['name', 'position', 'onTarget', 'priority', 'agreementId', 'action', 'engineerIds'];

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0];
  return FIELDS.find((f) => f === head) ?? null;
}

/** The engineers a 'reassign' rule hands requests to (the least loaded available one gets it). */
function EngineerGroup({ rule, value, onChange, error }: { rule: EscalationRule | null; value: string[]; onChange(next: string[]): void; error?: string }) {
  const { t } = useTranslation();
  const assignees = useAssignees();
  // A rule's engineer who can no longer own requests is still listed so they can be taken out.
  const people = [
    ...(assignees.data ?? []).map((a) => ({ id: a.id, displayName: a.displayName, available: a.available as boolean | null })),
    ...(rule?.engineers ?? []).filter((e) => !(assignees.data ?? []).some((a) => a.id === e.id)).map((e) => ({ ...e, available: null })),
  ];
  return (
    <Checkbox.Group
      label={t('slaAdmin.escalations.engineers')}
      description={t('slaAdmin.escalations.engineersHint')}
      required
      value={value}
      onChange={onChange}
      error={error}
      data-testid="escalation-engineers"
    >
      <Stack gap={6} mt={4}>
        <ErrorAlert error={assignees.error} testId="escalation-engineers-error" />
        {people.map((p) => (
          <Checkbox
            key={p.id}
            value={String(p.id)}
            label={
              <Group gap={6} wrap="nowrap" component="span">
                {p.available !== null ? <AvailabilityDot available={p.available} /> : null}
                {p.displayName}
              </Group>
            }
            aria-label={p.displayName}
            data-testid="escalation-engineer"
          />
        ))}
        {assignees.isSuccess && people.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assignment.form.noEngineers')}
          </Text>
        ) : null}
      </Stack>
    </Checkbox.Group>
  );
}

/** Add (rule = null) or edit one escalation rule (升级规则). */
export function EscalationForm({
  rule,
  nextPosition,
  onSaved,
  onCancel,
}: {
  rule: EscalationRule | null;
  nextPosition: number;
  onSaved(rule: EscalationRule): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const save = useSaveEscalation();
  const agreements = useAgreements();
  const [name, setName] = useState(rule?.name ?? '');
  const [position, setPosition] = useState<number | string>(rule?.position ?? nextPosition);
  const [active, setActive] = useState(rule?.active ?? true);
  const [onTarget, setOnTarget] = useState<EscalationTarget>(rule?.onTarget ?? 'any');
  // '' = any priority / any agreement.
  const [priority, setPriority] = useState<string>(rule?.priority ?? '');
  const [agreementId, setAgreementId] = useState(rule?.agreementId ? String(rule.agreementId) : '');
  const [action, setAction] = useState<EscalationAction>(rule?.action ?? 'raise_priority');
  const [engineerIds, setEngineerIds] = useState<string[]>(rule?.engineers.map((e) => String(e.id)) ?? []);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  const server: Partial<Record<Field, string>> = save.error ? fieldErrors(t, save.error, fieldOf) : {};
  const errors = { ...server, ...local };
  const general = save.error && Object.keys(server).length === 0 ? errorMessage(t, save.error) : null;
  const any = t('slaAdmin.any');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems: Partial<Record<Field, string>> = {};
    if (!name.trim()) problems.name = t('validation.required');
    const pos = typeof position === 'number' ? position : position.trim() === '' ? null : Number(position);
    if (pos === null) problems.position = t('validation.required');
    else if (!Number.isInteger(pos) || pos < 0 || pos > 10_000) problems.position = t('validation.invalid');
    if (action === 'reassign' && engineerIds.length === 0) problems.engineerIds = t('validation.groupRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || pos === null) return;
    save.mutate(
      {
        ...(rule ? { id: rule.id } : {}),
        name: name.trim(),
        position: pos,
        active,
        onTarget,
        priority: isTicketPriority(priority) ? priority : null,
        agreementId: agreementId ? Number(agreementId) : null,
        action,
        // Only a reassign rule has a group; other actions keep none.
        engineerIds: action === 'reassign' ? engineerIds.map(Number) : [],
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="escalation-form">
      <Stack gap="sm">
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="escalation-error">
            {general}
          </Text>
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            label={t('slaAdmin.escalations.name')}
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
            data-testid="escalation-name"
          />
          <NumberInput
            label={t('slaAdmin.escalations.position')}
            description={t('slaAdmin.escalations.positionHint')}
            required
            min={0}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
            value={position}
            onChange={setPosition}
            error={errors.position}
            maw={180}
            data-testid="escalation-position"
          />
        </Group>
        <Radio.Group
          label={t('slaAdmin.escalations.target')}
          value={onTarget}
          onChange={(v) => oneOf(ESCALATION_TARGETS, v) && setOnTarget(v)}
          error={errors.onTarget}
          data-testid="escalation-target"
        >
          <Group gap="md" mt={4}>
            {ESCALATION_TARGETS.map((target) => (
              <Radio key={target} value={target} label={t(`slaAdmin.target.${target}`)} data-testid={`escalation-target-${target}`} />
            ))}
          </Group>
        </Radio.Group>
        <ErrorAlert error={agreements.error} testId="escalation-agreements-error" />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('slaAdmin.escalations.priority')}
            value={priority}
            onChange={(e) => setPriority(e.currentTarget.value)}
            error={errors.priority}
            data={[{ value: '', label: any }, ...TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`ticket.priority.${p}`) }))]}
            data-testid="escalation-priority"
          />
          <NativeSelect
            label={t('slaAdmin.escalations.agreement')}
            value={agreementId}
            onChange={(e) => setAgreementId(e.currentTarget.value)}
            error={errors.agreementId}
            data={[{ value: '', label: any }, ...(agreements.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))]}
            data-testid="escalation-agreement"
          />
        </Group>
        <Radio.Group
          label={t('slaAdmin.escalations.action')}
          value={action}
          onChange={(v) => isEscalationAction(v) && setAction(v)}
          error={errors.action}
          data-testid="escalation-action"
        >
          <Stack gap={6} mt={4}>
            {ESCALATION_ACTIONS.map((a) => (
              <Radio key={a} value={a} label={t(`slaAdmin.action.${a}`)} description={t(`slaAdmin.actionHint.${a}`)} data-testid={`escalation-action-${a}`} />
            ))}
          </Stack>
        </Radio.Group>
        {action === 'reassign' ? <EngineerGroup rule={rule} value={engineerIds} onChange={setEngineerIds} error={errors.engineerIds} /> : null}
        <Checkbox label={t('slaAdmin.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="escalation-active" />
        <FormActions saveLabel={t('slaAdmin.save')} pending={save.isPending} onCancel={onCancel} testId="escalation-submit" />
      </Stack>
    </form>
  );
}
