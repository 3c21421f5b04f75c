import { Anchor, Button, Group, Loader, Stack } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { DispatchSheet } from '../../../src-shared/contract';
import { formatDateTime, formatDay } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { problemCategoryName } from '../tickets/vocabulary';
import './dispatchSheet.css';
import { useDispatchSheet } from './hooks';

const SATISFACTION = ['verySatisfied', 'satisfied', 'neutral', 'unsatisfied'] as const;
const FEES = ['labourFee', 'travelFee', 'partsFee', 'total'] as const;
const PART_ROWS = 3;
const WORK_LINES = 4;

/** A line to write on when the desk does not know the value. */
function Blank({ wide = false }: { wide?: boolean }) {
  return <span className={wide ? 'sl-sheet-blank sl-sheet-blank-wide' : 'sl-sheet-blank'} />;
}

function Box({ children }: { children: ReactNode }) {
  return (
    <span>
      <span className="sl-sheet-box" aria-hidden="true" />
      {children}
    </span>
  );
}

/** Label, value, label, value: the same column widths in every two-pair table. */
function PairColumns() {
  return (
    <colgroup>
      <col className="sl-sheet-label" />
      <col className="sl-sheet-value" />
      <col className="sl-sheet-label" />
      <col className="sl-sheet-value" />
    </colgroup>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="sl-sheet-section" data-testid={testId}>
      <h2 className="sl-sheet-section-title">{title}</h2>
      {children}
    </section>
  );
}

function Sheet({ sheet }: { sheet: DispatchSheet }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const d = sheet.ticket;
  const day = (ms: number) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const orBlank = (value: string | null | undefined) => (value ? value : <Blank />);

  return (
    <article className="sl-sheet" data-testid="dispatch-sheet">
      <header className="sl-sheet-head">
        <div className="sl-sheet-company" data-testid="sheet-company">
          {sheet.companyName || t('app.name')}
        </div>
        <h1 className="sl-sheet-title">{t('dispatchSheet.title')}</h1>
        <div className="sl-sheet-meta">
          <span data-testid="sheet-number">{t('dispatchSheet.number', { number: d.number })}</span>
          <span>{t('dispatchSheet.printedAt', { at: formatDateTime(sheet.printedAt, locale) })}</span>
        </div>
      </header>

      <Section title={t('dispatchSheet.customerSection')} testId="sheet-customer">
        <table>
          <PairColumns />
          <tbody>
            <tr>
              <th>{t('dispatchSheet.customer')}</th>
              <td>
                {d.customer.name} <span className="sl-sheet-muted">{d.customer.customerNo}</span>
              </td>
              <th>{t('dispatchSheet.customerPhone')}</th>
              <td>{orBlank(d.customer.phone)}</td>
            </tr>
            <tr>
              <th>{t('dispatchSheet.contact')}</th>
              <td>{orBlank(d.contact?.name)}</td>
              <th>{t('dispatchSheet.contactPhone')}</th>
              <td>{orBlank(d.contact?.phone)}</td>
            </tr>
            <tr>
              <th>{t('dispatchSheet.address')}</th>
              <td colSpan={3} data-testid="sheet-address">
                {sheet.customerAddress ? sheet.customerAddress : <Blank wide />}
              </td>
            </tr>
            <tr>
              <th>{t('dispatchSheet.product')}</th>
              <td>{orBlank(d.product?.name)}</td>
              <th>{t('dispatchSheet.model')}</th>
              <td>{orBlank(d.product?.model)}</td>
            </tr>
            <tr>
              <th>{t('ticket.field.requestedBy')}</th>
              <td>{d.requestedBy ? formatDay(d.requestedBy, locale) : <Blank />}</td>
              <th>{t('ticket.field.assignee')}</th>
              <td data-testid="sheet-engineer">{orBlank(d.assignee?.name ?? d.assigneeName)}</td>
            </tr>
          </tbody>
        </table>
      </Section>

      <Section title={t('dispatchSheet.problemSection')} testId="sheet-problem">
        <table>
          <PairColumns />
          <tbody>
            <tr>
              <th>{t('ticket.field.subject')}</th>
              <td colSpan={3}>
                <strong>{d.subject}</strong>
              </td>
            </tr>
            <tr>
              <th>{t('ticket.field.description')}</th>
              <td colSpan={3} className="sl-sheet-pre">
                {d.description || <span className="sl-sheet-muted">{t('detail.noDescription')}</span>}
              </td>
            </tr>
            <tr>
              <th>{t('detail.problemCategory')}</th>
              <td>{d.problemCategory ? problemCategoryName(d.problemCategory, locale) : <Blank />}</td>
              <th>{t('ticket.field.priority')}</th>
              <td>{t(`ticket.priority.${d.priority}`)}</td>
            </tr>
            <tr>
              <th>{t('detail.analysis')}</th>
              <td colSpan={3} className="sl-sheet-pre">
                {d.analysis || <span className="sl-sheet-muted">{t('detail.noAnalysis')}</span>}
              </td>
            </tr>
          </tbody>
        </table>
      </Section>

      <Section title={t('dispatchSheet.historySection')} testId="sheet-history">
        {sheet.history.length === 0 ? (
          <div className="sl-sheet-muted">{t('dispatchSheet.noHistory')}</div>
        ) : (
          <table>
            <thead>
              <tr>
                <th style={{ width: '24%' }}>{t('ticket.field.number')}</th>
                <th>{t('ticket.field.subject')}</th>
                <th style={{ width: '14%' }}>{t('ticket.field.status')}</th>
                <th style={{ width: '18%' }}>{t('ticket.field.createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.history.map((h) => (
                <tr key={h.id} data-testid="sheet-history-row">
                  <td>{h.number}</td>
                  <td>{h.subject}</td>
                  <td>{t(`ticket.status.${h.status}`)}</td>
                  <td>{day(h.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title={t('dispatchSheet.onSiteSection')} testId="sheet-on-site">
        <table>
          <PairColumns />
          <tbody>
            <tr>
              <th>{t('dispatchSheet.arrivedAt')}</th>
              <td />
              <th>{t('dispatchSheet.leftAt')}</th>
              <td />
            </tr>
            <tr>
              <th>{t('dispatchSheet.workDone')}</th>
              <td colSpan={3}>
                <div className="sl-sheet-lines">
                  {Array.from({ length: WORK_LINES }, (_, i) => (
                    <div key={i} />
                  ))}
                </div>
              </td>
            </tr>
          </tbody>
        </table>
        <table style={{ marginTop: '2mm' }}>
          <thead>
            <tr>
              <th style={{ width: '28%' }}>{t('dispatchSheet.partNo')}</th>
              <th>{t('dispatchSheet.partName')}</th>
              <th style={{ width: '14%' }}>{t('dispatchSheet.quantity')}</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: PART_ROWS }, (_, i) => (
              <tr key={i} style={{ height: '7.5mm' }}>
                <td />
                <td />
                <td />
              </tr>
            ))}
          </tbody>
        </table>
        <div className="sl-sheet-fees" style={{ marginTop: '3mm' }}>
          {FEES.map((fee) => (
            <div key={fee} className="sl-sheet-signature">
              {t(`dispatchSheet.fee.${fee}`)}
              <Blank />
            </div>
          ))}
        </div>
        <div className="sl-sheet-choices" style={{ marginTop: '2.5mm' }}>
          <Box>{t('dispatchSheet.chargeable')}</Box>
          <Box>{t('dispatchSheet.covered')}</Box>
        </div>
      </Section>

      <Section title={t('dispatchSheet.satisfactionSection')} testId="sheet-satisfaction">
        <div className="sl-sheet-choices">
          {SATISFACTION.map((s) => (
            <Box key={s}>{t(`dispatchSheet.satisfaction.${s}`)}</Box>
          ))}
        </div>
        <div className="sl-sheet-signature" style={{ marginTop: '3mm' }}>
          {t('dispatchSheet.customerComment')}
          <Blank />
        </div>
      </Section>

      <div className="sl-sheet-signatures sl-sheet-section" data-testid="sheet-signatures">
        <div className="sl-sheet-signature">
          {t('dispatchSheet.engineerSignature')}
          <Blank />
          {t('dispatchSheet.date')}
          <span className="sl-sheet-blank sl-sheet-date" />
        </div>
        <div className="sl-sheet-signature">
          {t('dispatchSheet.customerSignature')}
          <Blank />
          {t('dispatchSheet.date')}
          <span className="sl-sheet-blank sl-sheet-date" />
        </div>
      </div>
    </article>
  );
}

/** 现场服务派工单: a printable A4 sheet for a site visit; "打印 / 保存为 PDF" prints it without the app around it. */
export function DispatchSheetPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const ticketId = Number(id);
  const sheet = useDispatchSheet(ticketId);
  const number = sheet.data?.ticket.number;

  // The browser offers the document title as the PDF's file name.
  useEffect(() => {
    if (!number) return;
    const before = document.title;
    document.title = `${t('dispatchSheet.title')} ${number}`;
    return () => {
      document.title = before;
    };
  }, [number, t]);

  return (
    <Stack gap={0} data-testid="dispatch-sheet-page">
      <Group justify="space-between" className="sl-sheet-toolbar sl-no-print">
        <Anchor component={Link} to={`/tickets/${ticketId}`} size="sm" data-testid="sheet-back">
          ← {t('dispatchSheet.back')}
        </Anchor>
        <Button onClick={() => window.print()} disabled={!sheet.data} data-testid="sheet-print">
          {t('dispatchSheet.print')}
        </Button>
      </Group>
      {sheet.isPending ? <Loader size="sm" mx="auto" aria-label={t('app.loading')} /> : null}
      {sheet.isError ? (
        <div className="sl-sheet-toolbar">
          <ErrorAlert error={sheet.error} />
        </div>
      ) : null}
      {sheet.data ? <Sheet sheet={sheet.data} /> : null}
    </Stack>
  );
}
