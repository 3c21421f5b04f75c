import { Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketListItem } from '../../../src-shared/contract';
import { toApiError } from '../../api';
import { errorMessage, isStaleVersion } from '../../i18n/errors';
import { ActionFormFrame, samePath, useActionErrors } from './actions/ActionForm';
import { EngineerSelect, NoteField } from './actions/ActionForms';
import { useTicketAction } from './hooks';

/** Assigns one queue row (key A) with the version the row showed when the form opened. */
function QueueAssignForm({ item, onClose }: { item: TicketListItem; onClose(): void }) {
  const { t } = useTranslation();
  const mutation = useTicketAction(item.id);
  const [seenVersion, setSeenVersion] = useState(item.version);
  const [engineerId, setEngineerId] = useState('');
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const { fields, general } = useActionErrors(mutation.error, samePath('engineerId', 'note'));

  function onSubmit() {
    if (!engineerId) {
      setLocal(t('validation.required'));
      return;
    }
    setLocal(undefined);
    mutation.mutate(
      { action: 'assign', input: { id: item.id, version: seenVersion, engineerId: Number(engineerId), note } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('actionForm.done', { action: t('lifecycle.action.assign') }) });
          onClose();
        },
        onError: (error) => {
          // Like the detail page: the form stays, and sending again goes over what is now true.
          if (isStaleVersion(error)) {
            const current = toApiError(error).details?.currentVersion;
            if (typeof current === 'number') setSeenVersion(current);
            notifications.show({ color: 'orange', message: errorMessage(t, error) });
          }
        },
      },
    );
  }

  return (
    <ActionFormFrame action="assign" onSubmit={onSubmit} pending={mutation.isPending} general={general} onCancel={onClose}>
      <Text size="sm" data-testid="queue-assign-ticket">
        <Text span ff="monospace" c="dimmed">
          {item.number}
        </Text>{' '}
        {item.subject}
      </Text>
      <EngineerSelect value={engineerId} onChange={setEngineerId} error={local ?? fields.engineerId} />
      <NoteField value={note} onChange={setNote} error={fields.note} />
    </ActionFormFrame>
  );
}

export function QueueAssignModal({ item, onClose }: { item: TicketListItem | null; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={item !== null} onClose={onClose} title={t('lifecycle.action.assign')} trapFocus data-testid="queue-assign-modal">
      {item ? <QueueAssignForm key={item.id} item={item} onClose={onClose} /> : null}
    </Modal>
  );
}
