import { NativeSelect, Radio, Rating, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HOLD_REASONS, UNLOCK_MODES, type HoldReason, type UnlockMode } from '../../../../src-shared/domain/lifecycle';
import { useAssignees } from '../../users/hooks';
import { todayLocal } from '../workTime';
import { ActionFormFrame, samePath, useActionErrors, type ActionFormProps } from './ActionForm';

const NOTE_MAX = 2000;

export function NoteField({ value, onChange, error, label, required }: { value: string; onChange(v: string): void; error?: string; label?: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={label ?? t('actionForm.note')}
      name="note"
      required={required}
      autosize
      minRows={2}
      maxRows={6}
      maxLength={NOTE_MAX}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-autofocus={required ? true : undefined}
      data-testid="action-note"
    />
  );
}

/** Engineers and supervisors who can own a request (users.assignees). */
export function EngineerSelect({ value, onChange, error }: { value: string; onChange(v: string): void; error?: string }) {
  const { t } = useTranslation();
  const assignees = useAssignees();
  return (
    <NativeSelect
      label={t('actionForm.engineer')}
      name="engineerId"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-autofocus
      data-testid="action-engineer"
      data={[{ value: '', label: t('actionForm.chooseEngineer') }, ...(assignees.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))]}
    />
  );
}

export function AssignForm({ ticket, submit, pending, error, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [engineerId, setEngineerId] = useState(ticket.assignee ? String(ticket.assignee.id) : '');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const { fields, general } = useActionErrors(error, samePath('engineerId', 'note'));

  function onSubmit() {
    if (!engineerId) {
      setLocal(t('validation.required'));
      return;
    }
    setLocal(undefined);
    submit({ action: 'assign', input: { id: ticket.id, version: ticket.version, engineerId: Number(engineerId), note } });
  }

  return (
    <ActionFormFrame action="assign" onSubmit={onSubmit} pending={pending} general={general} onCancel={onCancel}>
      <EngineerSelect value={engineerId} onChange={setEngineerId} error={local ?? fields.engineerId} />
      <NoteField value={note} onChange={setNote} error={fields.note} />
    </ActionFormFrame>
  );
}

export function HoldForm({ ticket, submit, pending, error, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<HoldReason>('waiting_customer');
  const [note, setNote] = useState('');
  const { fields, general } = useActionErrors(error, samePath('reason', 'note'));
  return (
    <ActionFormFrame
      action="hold"
      onSubmit={() => submit({ action: 'hold', input: { id: ticket.id, version: ticket.version, reason, note } })}
      pending={pending}
      general={general}
      onCancel={onCancel}
    >
      <NativeSelect
        label={t('actionForm.holdReason')}
        name="reason"
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value as HoldReason)}
        error={fields.reason}
        data-autofocus
        data-testid="action-hold-reason"
        data={HOLD_REASONS.map((r) => ({ value: r, label: t(`lifecycle.holdReason.${r}`) }))}
      />
      <NoteField value={note} onChange={setNote} error={fields.note} />
    </ActionFormFrame>
  );
}

/** Resume and start follow-up: a sentence saying what happens, and an optional note. */
export function NoteOnlyForm({ action, ticket, submit, pending, error, onCancel }: ActionFormProps & { action: 'resume' | 'startFollowUp' }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { fields, general } = useActionErrors(error, samePath('note'));
  return (
    <ActionFormFrame
      action={action}
      onSubmit={() => submit({ action, input: { id: ticket.id, version: ticket.version, note } })}
      pending={pending}
      general={general}
      onCancel={onCancel}
    >
      <Text size="sm" c="dimmed">
        {t(action === 'resume' ? 'actionForm.resumeHint' : 'actionForm.startFollowUpHint')}
      </Text>
      <NoteField value={note} onChange={setNote} error={fields.note} />
    </ActionFormFrame>
  );
}

/** Close and reopen: the reason is required. */
export function ReasonForm({ action, ticket, submit, pending, error, onCancel }: ActionFormProps & { action: 'close' | 'reopen' }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const { fields, general } = useActionErrors(error, samePath('note'));

  function onSubmit() {
    if (!note.trim()) {
      setLocal(t('validation.required'));
      return;
    }
    setLocal(undefined);
    submit({ action, input: { id: ticket.id, version: ticket.version, note } });
  }

  return (
    <ActionFormFrame action={action} onSubmit={onSubmit} pending={pending} general={general} onCancel={onCancel}>
      <NoteField
        label={t(action === 'close' ? 'actionForm.closeReason' : 'actionForm.reopenReason')}
        required
        value={note}
        onChange={setNote}
        error={local ?? fields.note}
      />
    </ActionFormFrame>
  );
}

export function RecordFollowUpForm({ ticket, submit, pending, error, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [satisfaction, setSatisfaction] = useState(0);
  // Until chosen, "satisfied" follows the stars: 4 or 5 reads as satisfied.
  const [satisfiedChoice, setSatisfiedChoice] = useState<'yes' | 'no' | null>(null);
  const [comment, setComment] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const { fields, general } = useActionErrors(error, samePath('satisfaction', 'satisfied', 'comment'));
  const satisfied = satisfiedChoice ?? (satisfaction >= 4 ? 'yes' : 'no');

  function onSubmit() {
    if (satisfaction < 1) {
      setLocal(t('validation.required'));
      return;
    }
    setLocal(undefined);
    submit({ action: 'recordFollowUp', input: { id: ticket.id, version: ticket.version, satisfaction, satisfied: satisfied === 'yes', comment } });
  }

  const ratingError = local ?? fields.satisfaction;
  return (
    <ActionFormFrame action="recordFollowUp" onSubmit={onSubmit} pending={pending} general={general} onCancel={onCancel}>
      <div>
        <Text size="sm" fw={500} mb={4}>
          {t('actionForm.satisfaction')}
        </Text>
        <Rating
          value={satisfaction}
          onChange={setSatisfaction}
          size="lg"
          getSymbolLabel={(v) => t('actionForm.stars', { count: v })}
          data-testid="follow-up-rating"
          data-value={satisfaction}
        />
        {ratingError ? (
          <Text c="red" size="xs" mt={4}>
            {ratingError}
          </Text>
        ) : null}
      </div>
      <Radio.Group
        label={t('actionForm.satisfied')}
        value={satisfied}
        onChange={(v) => setSatisfiedChoice(v === 'yes' ? 'yes' : 'no')}
        error={fields.satisfied}
        data-testid="follow-up-satisfied"
      >
        <Stack gap={6} mt={4}>
          <Radio value="yes" label={t('actionForm.yes')} />
          <Radio value="no" label={t('actionForm.no')} />
        </Stack>
      </Radio.Group>
      <NoteField label={t('actionForm.comment')} value={comment} onChange={setComment} error={fields.comment} />
    </ActionFormFrame>
  );
}

export function UnlockForm({ ticket, submit, pending, error, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<UnlockMode>('reassign');
  const [engineerId, setEngineerId] = useState(ticket.assignee ? String(ticket.assignee.id) : '');
  const [requestedBy, setRequestedBy] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Partial<Record<'engineerId' | 'requestedBy' | 'note', string>>>({});
  const { fields, general } = useActionErrors(error, samePath('engineerId', 'requestedBy', 'note', 'mode'));
  const errors: Record<string, string | undefined> = { ...fields, ...local };

  function onSubmit() {
    const base = { id: ticket.id, version: ticket.version };
    const required = t('validation.required');
    if (mode === 'reassign') {
      if (!engineerId) return setLocal({ engineerId: required });
      setLocal({});
      submit({ action: 'unlock', input: { ...base, mode, engineerId: Number(engineerId), note } });
    } else if (mode === 'extend') {
      if (!requestedBy) return setLocal({ requestedBy: required });
      setLocal({});
      submit({ action: 'unlock', input: { ...base, mode, requestedBy, note } });
    } else {
      if (!note.trim()) return setLocal({ note: required });
      setLocal({});
      submit({ action: 'unlock', input: { ...base, mode, note } });
    }
  }

  return (
    <ActionFormFrame action="unlock" onSubmit={onSubmit} pending={pending} general={general} onCancel={onCancel}>
      <Radio.Group
        label={t('actionForm.unlockMode')}
        value={mode}
        onChange={(v) => {
          setMode(v as UnlockMode);
          setLocal({});
        }}
        error={errors.mode}
        data-testid="unlock-mode"
      >
        <Stack gap={6} mt={4}>
          {UNLOCK_MODES.map((m) => (
            <Radio key={m} value={m} label={t(`lifecycle.unlockMode.${m}`)} data-testid={`unlock-mode-${m}`} />
          ))}
        </Stack>
      </Radio.Group>
      {mode === 'reassign' ? <EngineerSelect value={engineerId} onChange={setEngineerId} error={errors.engineerId} /> : null}
      {mode === 'extend' ? (
        <TextInput
          label={t('actionForm.requestedBy')}
          name="requestedBy"
          type="date"
          required
          min={todayLocal()}
          value={requestedBy}
          onChange={(e) => setRequestedBy(e.currentTarget.value)}
          error={errors.requestedBy}
          w={200}
        />
      ) : null}
      <NoteField
        label={mode === 'close' ? t('actionForm.closeReason') : undefined}
        required={mode === 'close'}
        value={note}
        onChange={setNote}
        error={errors.note}
      />
    </ActionFormFrame>
  );
}
