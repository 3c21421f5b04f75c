import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { QueueExportLabels } from '../../../src-shared/contract/queueExport';
import { TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../../../src-shared/domain/tickets';
import { api } from '../../api';
import { FileExportMenu } from '../imports/FileExportMenu';
import type { TicketListFilter } from './hooks';

const words = <K extends string>(keys: readonly K[], word: (key: K) => string) => Object.fromEntries(keys.map((k) => [k, word(k)])) as Record<K, string>;

/** The words the file is written in: the queue's column headers and values, in the UI language. */
export function queueExportLabels(t: TFunction): QueueExportLabels {
  return {
    columns: {
      number: t('ticket.field.number'),
      subject: t('ticket.field.subject'),
      customer: t('ticket.field.customer'),
      type: t('ticket.field.type'),
      priority: t('ticket.field.priority'),
      status: t('ticket.field.status'),
      assignee: t('ticket.field.assignee'),
      channel: t('ticket.field.channel'),
      requestedBy: t('ticket.field.requestedBy'),
      createdAt: t('ticket.field.createdAt'),
      slaDueAt: t('queueExport.slaDueAt'),
    },
    status: words(TICKET_STATUSES, (s) => t(`ticket.status.${s}`)),
    type: words(TICKET_TYPES, (s) => t(`ticket.type.${s}`)),
    priority: words(TICKET_PRIORITIES, (s) => t(`ticket.priority.${s}`)),
    channel: words(TICKET_CHANNELS, (s) => t(`ticket.channel.${s}`)),
    unassigned: t('queue.unassignedCell'),
    pdf: {
      search: t('queueExport.pdfPage.search'),
      generatedAt: t('queueExport.pdfPage.generatedAt'),
      pageOf: t('queueExport.pdfPage.pageOf'),
      separator: t('queueExport.pdfPage.separator'),
    },
  };
}

/**
 * Export (导出) on the queue: the view with its filters, in its order, as XLSX, CSV or a
 * landscape PDF for print, saved as 队列-<view>-<desk time>.xlsx. For those who may export
 * (service managers and admins).
 */
export function QueueExportMenu({ filter }: { filter: TicketListFilter }) {
  const { t } = useTranslation();
  const title = `${t('queueExport.filePrefix')}-${filter.view ? t(`ticket.view.${filter.view}`) : t('queueExport.all')}`;
  return (
    <FileExportMenu
      start={(format) => api.exports.queue({ ...filter, format, title, labels: queueExportLabels(t) })}
      startPdf={() => api.exports.queue({ ...filter, format: 'pdf', title, labels: queueExportLabels(t) })}
      keys="queueExport"
      heading={{ title }}
      testId="queue-export"
    />
  );
}
