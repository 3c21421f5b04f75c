import { Button, Modal, NativeSelect, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { errorMessage, isStaleVersion } from '../../i18n/errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDeskToday } from '../settings/hooks';
import { ActionFormFrame, samePath, useActionErrors } from '../tickets/actions/ActionForm';
import { NoteField } from '../tickets/actions/ActionForms';
import { useSetAgreement, type SetAgreementInput } from '../tickets/hooks';
import { inForceOn } from './agreementChoices';
import { useAgreements } from './hooks';
import { targetText } from './countdown';

interface FormProps {
  ticket: TicketDetail;
  submit(input: SetAgreementInput): void;
  pending: boolean;
  error: unknown;
  onCancel(): void;
}

/** Pick an agreement in force today (its targets for this request's priority shown) and say why. */
function ChangeAgreementForm({ ticket, submit, pending, error, onCancel }: FormProps) {
  const { t } = useTranslation();
  const agreements = useAgreements();
  const [agreementId, setAgreementId] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const { fields, general } = useActionErrors(error, samePath('agreementId', 'note'));
  const currentId = ticket.agreement?.agreement.id ?? null;
  // Main accepts only an agreement in force on the desk's today (else VALIDATION notInForce).
  const today = useDeskToday();
  const choices = (agreements.data ?? []).filter((a) => inForceOn(a, today));
  const chosen = choices.find((a) => String(a.id) === agreementId);
  const targets = chosen?.targets.find((x) => x.priority === ticket.priority);

  function onSubmit() {
    if (!chosen) {
      setLocal(t('validation.required'));
      return;
    }
    setLocal(undefined);
    submit({ id: ticket.id, version: ticket.version, agreementId: chosen.id, note });
  }

  return (
    <ActionFormFrame action="setAgreement" onSubmit={onSubmit} pending={pending} general={general} onCancel={onCancel}>
      <Text size="sm" c="dimmed">
        {t('sla.changeHint')}
      </Text>
      <ErrorAlert error={agreements.error} />
      <NativeSelect
        label={t('sla.agreement')}
        name="agreementId"
        required
        value={agreementId}
        onChange={(e) => {
          setAgreementId(e.currentTarget.value);
          setLocal(undefined);
        }}
        error={local ?? fields.agreementId}
        data-autofocus
        data-testid="sla-agreement-select"
        data={[
          { value: '', label: t('sla.chooseAgreement') },
          ...choices.map((a) => ({ value: String(a.id), label: a.id === currentId ? t('sla.currentAgreement', { name: a.name }) : a.name })),
        ]}
      />
      {chosen && targets ? (
        <Text size="sm" data-testid="sla-agreement-targets">
          {t('sla.targetsForPriority', {
            priority: t(`ticket.priority.${ticket.priority}`),
            response: targetText(t, targets.responseMinutes),
            resolution: targetText(t, targets.resolutionMinutes),
            calendar: chosen.calendarName,
          })}
        </Text>
      ) : null}
      <NoteField value={note} onChange={setNote} error={fields.note} />
    </ActionFormFrame>
  );
}

/**
 * The service manager's "更换协议": like the lifecycle actions, it sends the version seen when
 * the form opened, so a change made meanwhile meets CONFLICT instead of being overwritten.
 */
export function ChangeAgreement({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const mutation = useSetAgreement(ticket.id);
  const [opened, setOpened] = useState(false);
  const [seenVersion, setSeenVersion] = useState(ticket.version);
  const title = t(ticket.agreement ? 'sla.changeAgreement' : 'sla.setAgreement');

  function open() {
    mutation.reset();
    setSeenVersion(ticket.version);
    setOpened(true);
  }

  function submit(input: SetAgreementInput) {
    mutation.mutate(input, {
      onSuccess: (fresh) => {
        setOpened(false);
        notifications.show({ color: 'teal', message: t('sla.agreementChanged', { name: fresh.agreement?.agreement.name ?? '' }) });
      },
      onError: (error) => {
        // The form stays open over the reloaded request; sending again is deliberate.
        if (isStaleVersion(error)) {
          const current = toApiError(error).details?.currentVersion;
          if (typeof current === 'number') setSeenVersion(current);
          notifications.show({ color: 'orange', message: errorMessage(t, error) });
        }
      },
    });
  }

  return (
    <>
      <Button size="xs" variant="default" onClick={open} data-testid="sla-change-agreement">
        {title}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={title} trapFocus data-testid="sla-agreement-modal">
        {opened ? (
          <ChangeAgreementForm
            ticket={{ ...ticket, version: seenVersion }}
            submit={submit}
            pending={mutation.isPending}
            error={mutation.error}
            onCancel={() => setOpened(false)}
          />
        ) : null}
      </Modal>
    </>
  );
}
