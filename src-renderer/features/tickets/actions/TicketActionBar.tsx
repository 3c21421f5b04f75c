import { Button, Group, Kbd, Modal, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../src-shared/contract';
import type { TicketAction } from '../../../../src-shared/domain/lifecycle';
import { toApiError } from '../../../api';
import { errorMessage, isStaleVersion } from '../../../i18n/errors';
import { useTicketAction, type TicketActionCall } from '../hooks';
import type { ActionFormProps } from './ActionForm';
import { AssignForm, HoldForm, NoteOnlyForm, ReasonForm, RecordFollowUpForm, UnlockForm } from './ActionForms';
import { LogWorkForm } from './LogWorkForm';
import { MergeForm } from './MergeForm';

/** The form each action opens; a new action without a form fails to compile. */
const FORMS: Record<TicketAction, (props: ActionFormProps) => ReactNode> = {
  assign: (p) => <AssignForm {...p} />,
  hold: (p) => <HoldForm {...p} />,
  resume: (p) => <NoteOnlyForm action="resume" {...p} />,
  logWork: (p) => <LogWorkForm {...p} />,
  startFollowUp: (p) => <NoteOnlyForm action="startFollowUp" {...p} />,
  recordFollowUp: (p) => <RecordFollowUpForm {...p} />,
  unlock: (p) => <UnlockForm {...p} />,
  close: (p) => <ReasonForm action="close" {...p} />,
  reopen: (p) => <ReasonForm action="reopen" {...p} />,
  merge: (p) => <MergeForm {...p} />,
};

const WIDE: readonly TicketAction[] = ['logWork'];

/**
 * Exactly the actions main says this user may take now (detail.allowedActions), each opening
 * its small form. Every submit carries the version the page shows.
 */
export function TicketActionBar({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  const mutation = useTicketAction(ticket.id);
  const [open, setOpen] = useState<TicketAction | null>(null);
  // The version the user saw when opening the form. A change pushed meanwhile refreshes the
  // page but not this, so submitting over someone else's change meets CONFLICT instead of
  // silently overwriting it; after the conflict the reloaded version is the one seen.
  const [seenVersion, setSeenVersion] = useState(ticket.version);
  const allowed = ticket.allowedActions;
  // If the request changed so that the open action no longer applies, the form goes away.
  const current = open && allowed.includes(open) ? open : null;

  function start(action: TicketAction) {
    mutation.reset();
    setSeenVersion(ticket.version);
    setOpen(action);
  }

  useHotkeys([['a', () => current === null && allowed.includes('assign') && start('assign')]]);

  function submit(call: TicketActionCall) {
    mutation.mutate(call, {
      onSuccess: () => {
        setOpen(null);
        notifications.show({ color: 'teal', message: t('actionForm.done', { action: t(`lifecycle.action.${call.action}`) }) });
      },
      onError: (error) => {
        // The form stays open with what was typed, over the reloaded request; sending again is deliberate.
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
      <Group gap="xs" data-testid="action-bar">
        {allowed.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="no-actions">
            {t('detail.noActions')}
          </Text>
        ) : null}
        {allowed.map((action) => {
          const button = (
            <Button
              key={action}
              size="sm"
              variant={action === allowed[0] ? 'filled' : 'default'}
              color={action === 'close' ? 'red' : undefined}
              onClick={() => start(action)}
              data-testid={`action-${action}`}
              rightSection={action === 'assign' ? <Kbd size="xs">A</Kbd> : undefined}
            >
              {t(`lifecycle.action.${action}`)}
            </Button>
          );
          return action === 'assign' ? (
            <Tooltip key={action} label={t('detail.assignShortcut')}>
              {button}
            </Tooltip>
          ) : (
            button
          );
        })}
      </Group>
      <Modal
        opened={current !== null}
        onClose={() => setOpen(null)}
        title={current ? t(`lifecycle.action.${current}`) : ''}
        size={current && WIDE.includes(current) ? 'xl' : 'md'}
        trapFocus
        data-testid="action-modal"
      >
        {current
          ? FORMS[current]({
              ticket: { ...ticket, version: seenVersion },
              submit,
              pending: mutation.isPending,
              error: mutation.error,
              onCancel: () => setOpen(null),
            })
          : null}
      </Modal>
    </>
  );
}
