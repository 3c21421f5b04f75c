import { Button, Group, Kbd, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { useAddNote } from './hooks';

type NoteKind = 'reply' | 'internal';
const BODY_MAX = 5000;

/**
 * Writes on the request's timeline: a reply to the customer or an internal note. Ctrl+Enter
 * sends; R (outside inputs, or from the queue) starts a reply.
 */
export function NoteComposer({ ticketId }: { ticketId: number }) {
  const { t } = useTranslation();
  const addNote = useAddNote();
  const [kind, setKind] = useState<NoteKind>('reply');
  const [body, setBody] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const input = useRef<HTMLTextAreaElement>(null);

  // Arriving from the queue with R (?reply=1): start a reply straight away.
  const [searchParams] = useSearchParams();
  const replyRequested = searchParams.get('reply') === '1';
  useEffect(() => {
    if (replyRequested) input.current?.focus();
  }, [replyRequested]);

  useHotkeys([
    [
      'r',
      (event) => {
        if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"]')) return;
        setKind('reply');
        input.current?.focus();
      },
    ],
  ]);

  function send() {
    if (addNote.isPending) return;
    if (!body.trim()) {
      setLocal(t('validation.required'));
      return;
    }
    setLocal(undefined);
    addNote.mutate(
      { id: ticketId, kind, body },
      {
        onSuccess: () => {
          setBody('');
          notifications.show({ color: 'teal', message: t(kind === 'reply' ? 'composer.sentReply' : 'composer.sentNote') });
        },
      },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  }

  const fieldError = addNote.error ? fieldErrors(t, addNote.error, (path) => (path === 'body' ? 'body' : null)).body : undefined;
  const general = addNote.error && !fieldError ? errorMessage(t, addNote.error) : null;

  return (
    <Paper withBorder p="sm" data-testid="note-composer" data-kind={kind}>
      <Stack gap="xs">
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => setKind(v === 'internal' ? 'internal' : 'reply')}
            color={kind === 'reply' ? 'blue' : 'yellow'}
            data={[
              { value: 'reply', label: t('composer.reply') },
              { value: 'internal', label: t('composer.internal') },
            ]}
            data-testid="note-kind"
          />
          <Text size="xs" c="dimmed">
            {t(kind === 'reply' ? 'composer.replyHint' : 'composer.internalHint')}
          </Text>
        </Group>
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="note-error">
            {general}
          </Text>
        ) : null}
        <Textarea
          ref={input}
          aria-label={t(kind === 'reply' ? 'composer.reply' : 'composer.internal')}
          placeholder={t(kind === 'reply' ? 'composer.replyPlaceholder' : 'composer.internalPlaceholder')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={BODY_MAX}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={local ?? fieldError}
          data-testid="note-body"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">R</Kbd> {t('composer.shortcut')} · <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('composer.send')}
          </Text>
          <Button size="xs" color={kind === 'reply' ? 'blue' : 'yellow'} onClick={send} loading={addNote.isPending} data-testid="note-send">
            {t(kind === 'reply' ? 'composer.sendReply' : 'composer.sendNote')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
