import { Button, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, type AttachmentView, type TicketDetail } from '../../../src-shared/contract/tickets';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { formatDateTime } from '../../i18n/format';
import { useAttach, useDownloadAttachment } from './hooks';
import { formatFileSize } from './vocabulary';

/** A file's bytes as base64, in chunks (a spread of megabytes would overflow the call stack). */
async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/**
 * Hands the bytes to the browser as a download: an opaque Blob behind an <a download>. The
 * attachment is never opened, previewed or rendered here, whatever its type says.
 */
function saveToDisk(fileName: string, contentBase64: string): void {
  const binary = atob(contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function Row({ attachment }: { attachment: AttachmentView }) {
  const { t, i18n } = useTranslation();
  const download = useDownloadAttachment();
  const locale = i18n.language;

  function onDownload() {
    download.mutate(attachment.id, {
      onSuccess: (file) => saveToDisk(file.fileName, file.contentBase64),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(t, error) }),
    });
  }

  return (
    <Table.Tr data-testid="attachment-row">
      <Table.Td>
        <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="attachment-name">
          {attachment.fileName}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatFileSize(attachment.size, locale)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{attachment.uploadedBy}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDateTime(attachment.uploadedAt, locale)}</Text>
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          variant="light"
          onClick={onDownload}
          loading={download.isPending}
          aria-label={t('attachments.downloadFile', { name: attachment.fileName })}
          data-testid="attachment-download"
        >
          {t('attachments.download')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** Files on the request: upload (size checked before sending), list, and download to disk. */
export function AttachmentsSection({ ticket }: { ticket: TicketDetail }) {
  const { t, i18n } = useTranslation();
  const attach = useAttach();
  const reset = useRef<() => void>(null);
  const [local, setLocal] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const max = formatFileSize(MAX_ATTACHMENT_BYTES, i18n.language);

  const fields = attach.error ? fieldErrors(t, attach.error, (p) => (p === 'fileName' || p === 'contentBase64' ? 'file' : null)) : {};
  const problem = local ?? (attach.error ? (fields.file ?? errorMessage(t, attach.error)) : null);

  async function upload(file: File | null) {
    reset.current?.();
    if (!file || attach.isPending || reading) return;
    attach.reset();
    if (file.size > MAX_ATTACHMENT_BYTES) return setLocal(t('attachments.tooLarge', { name: file.name, max }));
    if (file.size === 0) return setLocal(t('attachments.emptyFile', { name: file.name }));
    setLocal(null);
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch {
      return setLocal(t('attachments.readFailed', { name: file.name }));
    } finally {
      setReading(false);
    }
    attach.mutate(
      { id: ticket.id, fileName: file.name, mimeType: file.type || 'application/octet-stream', contentBase64 },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('attachments.uploaded', { name: file.name }) }) },
    );
  }

  return (
    <div data-testid="attachments">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('attachments.title')}</Title>
        <FileButton onChange={(file) => void upload(file)} resetRef={reset} inputProps={{ 'aria-label': t('attachments.upload') }}>
          {(props) => (
            <Button {...props} size="xs" variant="light" loading={attach.isPending || reading} data-testid="attachment-upload">
              {t('attachments.upload')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Stack gap="xs">
        {problem ? (
          <Text c="red" size="sm" role="alert" data-testid="attachment-error">
            {problem}
          </Text>
        ) : null}
        {ticket.attachments.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="attachments-empty">
            {t('attachments.empty')}
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('attachments.name')}</Table.Th>
                <Table.Th>{t('attachments.size')}</Table.Th>
                <Table.Th>{t('attachments.uploadedBy')}</Table.Th>
                <Table.Th>{t('attachments.uploadedAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ticket.attachments.map((a) => (
                <Row key={a.id} attachment={a} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="xs" c="dimmed">
          {t('attachments.hint', { max })}
        </Text>
      </Stack>
    </div>
  );
}
