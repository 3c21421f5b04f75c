import { Alert, Anchor, Button, Group, Paper, Stack, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportJob, ImportTemplate, UploadedTable } from '../../../src-shared/contract';
import { IMPORT_FIELDS, type ImportEntity } from '../../../src-shared/domain/importFields';
import { errorMessage } from '../../i18n/errors';
import { refreshAfterImport, useCancelJob, useJob, useStartImport, type StartImportInput } from './hooks';
import { importErrorText } from './importErrors';
import { ImportReportView } from './ImportReportView';
import { JobProgress } from './JobProgress';
import { entityLabel, enumValueKey, fieldLabel, fieldLabelKey } from './labels';
import { applyTemplate, buildMapping, missingRequired, seedValues, suggestColumns, withSources, type ColumnChoice, type ValueRow } from './mapping';
import { MappingStep, type MappingState } from './MappingStep';
import { RunLogModal, type LoggedRun } from './RunLogModal';
import { UploadStep } from './UploadStep';

const STEP = { upload: 0, mapping: 1, dryRun: 2, import: 3 } as const;

const EMPTY_MAPPING: MappingState = { entity: null, columns: {}, values: {}, dayFirst: true };

function rejectedTotal(job: ImportJob | undefined): number {
  return job?.reports.reduce((n, r) => n + r.rejected, 0) ?? 0;
}

/**
 * The import wizard: upload → entity and column mapping (or a package's contents) → dry
 * run with the rows it would reject → import, with the run's log. Every step can go back;
 * a dry run can be repeated after fixing the mapping as often as needed.
 */
export function ImportWizard() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [active, setActive] = useState<number>(STEP.upload);
  const [table, setTable] = useState<UploadedTable | null>(null);
  const [state, setState] = useState<MappingState>(EMPTY_MAPPING);
  const [notice, setNotice] = useState<string | null>(null);
  const [dryJobId, setDryJobId] = useState<string | null>(null);
  const [importJobId, setImportJobId] = useState<string | null>(null);
  const [logRun, setLogRun] = useState<LoggedRun | null>(null);
  const start = useStartImport();
  const dryJob = useJob('imports', dryJobId);
  const importJob = useJob('imports', importJobId);
  const cancelDry = useCancelJob('imports');
  const cancelImport = useCancelJob('imports');

  const isPackage = table?.format === 'package';
  const mapping = table && !isPackage && state.entity ? buildMapping(state.entity, state.columns, state.values, state.dayFirst) : null;
  const missing = state.entity ? missingRequired(state.entity, state.columns) : [];
  const ready = table !== null && (isPackage || (state.entity !== null && missing.length === 0));
  // A job main no longer knows (the app restarted) is not running either: its error shows instead.
  const dryRunning = dryJobId !== null && !dryJob.isError && (dryJob.data?.state ?? 'running') === 'running';
  const importRunning = importJobId !== null && !importJob.isError && (importJob.data?.state ?? 'running') === 'running';
  const running = dryRunning || importRunning || start.isPending;

  // Labels in both languages, for matching headers and source words.
  const zh = i18n.getFixedT('zh-CN');
  const en = i18n.getFixedT('en-US');
  const fieldLabels = (entity: ImportEntity) => (field: string) => [zh(fieldLabelKey(entity, field)), en(fieldLabelKey(entity, field))];
  const valueLabels = (field: string, value: string) => [zh(enumValueKey(field, value)), en(enumValueKey(field, value))];

  // An import that wrote records refreshes the lists that show them, once per run.
  const refreshed = useRef<string | null>(null);
  const importState = importJob.data?.state;
  useEffect(() => {
    if (importJobId === null || importState === undefined || importState === 'running' || refreshed.current === importJobId) return;
    refreshed.current = importJobId;
    void refreshAfterImport(queryClient);
  }, [importJobId, importState, queryClient]);

  function onUploaded(next: UploadedTable | null) {
    setTable(next);
    setDryJobId(null);
    setImportJobId(null);
    setNotice(null);
    start.reset();
    if (!next) return setState(EMPTY_MAPPING);
    // The same kind of file again keeps the entity (its columns are suggested afresh).
    setState((s) => (s.entity && next.format !== 'package' ? remap(next, s.entity, { ...EMPTY_MAPPING, dayFirst: s.dayFirst }) : { ...EMPTY_MAPPING, dayFirst: s.dayFirst }));
  }

  function remap(source: UploadedTable, entity: ImportEntity, previous: MappingState): MappingState {
    const columns = suggestColumns(IMPORT_FIELDS[entity], source.headers, fieldLabels(entity));
    return { entity, columns, values: seedValues(entity, source, columns, previous, valueLabels), dayFirst: previous.dayFirst };
  }

  function onEntity(entity: ImportEntity) {
    if (!table || entity === state.entity) return;
    setNotice(null);
    setState(remap(table, entity, { ...EMPTY_MAPPING, dayFirst: state.dayFirst }));
  }

  function onColumn(field: string, header: string | null) {
    if (!table || !state.entity) return;
    const columns: ColumnChoice = { ...state.columns, [field]: header };
    setState({ ...state, columns, values: seedValues(state.entity, table, columns, state, valueLabels) });
  }

  function onValues(field: string, rows: ValueRow[]) {
    setState((s) => ({ ...s, values: { ...s.values, [field]: rows } }));
  }

  function onTemplate(template: ImportTemplate) {
    if (!table || template.entity !== state.entity) return;
    const applied = applyTemplate(template.entity, template.mapping, table.headers, state.values);
    const columns = applied.columns;
    // Fields the template leaves without rows start from the sample's words.
    const seeded = seedValues(template.entity, table, columns, { columns, values: applied.values }, valueLabels);
    setState({ entity: template.entity, columns, values: { ...seeded, ...applied.values }, dayFirst: applied.dayFirst });
    setNotice(applied.missingHeaders.length > 0 ? t('imports.templates.missingHeaders', { name: template.name, headers: applied.missingHeaders.join(t('app.listSeparator')) }) : null);
    notifications.show({ message: t('imports.templates.loaded', { name: template.name }) });
  }

  /** From the rejected rows: a source word the value editor should translate. */
  function onMapValue(field: string, value: string) {
    const entity = state.entity;
    const def = entity ? IMPORT_FIELDS[entity].find((f) => f.name === field) : undefined;
    if (!entity || !def) return;
    setState((s) => ({ ...s, values: { ...s.values, [field]: withSources(s.values[field] ?? [], [value], def.values ?? [], (v) => valueLabels(field, v)) } }));
    setNotice(t('imports.values.added', { value, field: fieldLabel(t, entity, field) }));
    setActive(STEP.mapping);
  }

  function run(dryRun: boolean) {
    if (!table || !ready || running) return;
    const input: StartImportInput = { uploadId: table.uploadId, dryRun, ...(isPackage || !state.entity || !mapping ? {} : { entity: state.entity, mapping }) };
    start.mutate(input, {
      onSuccess: ({ jobId }) => {
        if (dryRun) {
          setDryJobId(jobId);
          setImportJobId(null);
          setActive(STEP.dryRun);
        } else {
          setImportJobId(jobId);
          setActive(STEP.import);
        }
      },
    });
  }

  function startOver() {
    setActive(STEP.upload);
    onUploaded(null);
  }

  const dry = dryJob.data;
  const done = importJob.data;
  const runEntity: LoggedRun['entity'] = isPackage ? 'package' : (state.entity ?? done?.reports[0]?.entity ?? 'customers');

  return (
    <Paper withBorder p="md" data-testid="import-wizard">
      <Stepper
        active={active}
        onStepClick={(step) => {
          if (!running && step < active) setActive(step);
        }}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label={t('imports.step.upload')} description={t('imports.step.uploadHint')} data-testid="step-upload">
          <Stack gap="md" mt="md">
            <UploadStep table={table} onUploaded={onUploaded} />
            <Group justify="flex-end">
              <Button onClick={() => setActive(STEP.mapping)} disabled={!table} data-testid="upload-next">
                {t('imports.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={isPackage ? t('imports.step.package') : t('imports.step.mapping')} description={isPackage ? t('imports.step.packageHint') : t('imports.step.mappingHint')} data-testid="step-mapping">
          <Stack gap="md" mt="md">
            {notice ? (
              <Alert color="blue" variant="light" withCloseButton onClose={() => setNotice(null)} data-testid="mapping-notice">
                {notice}
              </Alert>
            ) : null}
            {table && isPackage ? (
              <Stack gap="xs" data-testid="package-review">
                <Text size="sm">{t('imports.package.hint')}</Text>
                <Group gap="xs">
                  {table.entities.map((e) => (
                    <Text key={e.entity} size="sm" data-testid="package-review-entity" data-entity={e.entity}>
                      {t('imports.package.entityRows', { entity: entityLabel(t, e.entity), rows: e.rows })}
                    </Text>
                  ))}
                </Group>
              </Stack>
            ) : null}
            {table && !isPackage ? (
              <MappingStep
                table={table}
                state={state}
                mapping={mapping}
                onEntity={onEntity}
                onColumn={onColumn}
                onValues={onValues}
                onDayFirst={(dayFirst) => setState((s) => ({ ...s, dayFirst }))}
                onTemplate={onTemplate}
              />
            ) : null}
            {state.entity && missing.length > 0 ? (
              <Text size="sm" c="red" data-testid="mapping-missing">
                {t('imports.mapping.missing', { fields: missing.map((f) => fieldLabel(t, state.entity, f)).join(t('app.listSeparator')) })}
              </Text>
            ) : null}
            {start.error ? (
              <Alert color="red" variant="light" role="alert" data-testid="start-error">
                {importErrorText(t, start.error, state.entity)}
              </Alert>
            ) : null}
            <Group justify="space-between">
              <Button variant="default" onClick={() => setActive(STEP.upload)}>
                {t('imports.back')}
              </Button>
              <Button onClick={() => run(true)} disabled={!ready} loading={start.isPending} data-testid="dry-run-start">
                {t('imports.dryRun.start')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('imports.step.dryRun')} description={t('imports.step.dryRunHint')} data-testid="step-dry-run">
          <Stack gap="md" mt="md">
            <Text size="sm" c="dimmed">
              {t('imports.dryRun.hint')}
            </Text>
            {dryJobId && !dryJob.isError ? (
              <JobProgress
                job={dry}
                label={t('imports.dryRun.running')}
                onCancel={() => cancelDry.mutate(dryJobId)}
                cancelling={cancelDry.isPending}
                cancelError={cancelDry.error}
                testId="dry-run-progress"
              />
            ) : null}
            {dryJob.error ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(t, dryJob.error)}
              </Alert>
            ) : null}
            {dry && dry.state === 'done' ? <ImportReportView job={dry} dryRun onMapValue={isPackage ? undefined : onMapValue} /> : null}
            {dry && dry.state === 'done' && rejectedTotal(dry) > 0 ? (
              <Alert color="yellow" variant="light" data-testid="dry-run-rejected-note">
                {t('imports.dryRun.rejectedNote', { rows: rejectedTotal(dry) })}
              </Alert>
            ) : null}
            {start.error ? (
              <Alert color="red" variant="light" role="alert">
                {importErrorText(t, start.error, state.entity)}
              </Alert>
            ) : null}
            <Group justify="space-between">
              <Group gap="xs">
                <Button variant="default" onClick={() => setActive(STEP.mapping)} disabled={dryRunning} data-testid="dry-run-back">
                  {isPackage ? t('imports.back') : t('imports.dryRun.back')}
                </Button>
                <Button variant="default" onClick={() => run(true)} disabled={dryRunning || !ready} loading={start.isPending} data-testid="dry-run-again">
                  {t('imports.dryRun.again')}
                </Button>
              </Group>
              <Button onClick={() => run(false)} disabled={dry?.state !== 'done' || !ready} loading={start.isPending} data-testid="import-start" color="teal">
                {t('imports.import.start')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('imports.step.import')} description={t('imports.step.importHint')} data-testid="step-import">
          <Stack gap="md" mt="md">
            {importJobId && !importJob.isError ? (
              <JobProgress
                job={done}
                label={t('imports.import.running')}
                onCancel={() => cancelImport.mutate(importJobId)}
                cancelling={cancelImport.isPending}
                cancelError={cancelImport.error}
                testId="import-progress"
              />
            ) : null}
            {importJob.error ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(t, importJob.error)}
              </Alert>
            ) : null}
            {done && done.state === 'done' ? (
              <Alert color="teal" variant="light" data-testid="import-done">
                {t('imports.import.done', { created: done.reports.reduce((n, r) => n + r.created, 0), unchanged: done.reports.reduce((n, r) => n + r.unchanged, 0), rejected: rejectedTotal(done) })}
              </Alert>
            ) : null}
            {done && done.state === 'cancelled' ? (
              <Text size="sm" data-testid="import-cancelled-note">
                {t('imports.import.cancelledNote')}
              </Text>
            ) : null}
            {done && done.state !== 'running' ? <ImportReportView job={done} dryRun={false} /> : null}
            {done && done.state !== 'running' ? (
              <Group justify="space-between">
                <Group gap="md">
                  {done.runId !== null ? (
                    <Anchor component="button" type="button" onClick={() => setLogRun({ id: done.runId as number, entity: runEntity, fileName: table?.fileName ?? '' })} data-testid="import-log-link">
                      {t('imports.import.log')}
                    </Anchor>
                  ) : null}
                  <Anchor component={Link} to="/customers" data-testid="import-customers-link">
                    {t('imports.import.customers')}
                  </Anchor>
                </Group>
                <Button variant="default" onClick={startOver} data-testid="import-another">
                  {t('imports.import.another')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Stepper.Step>
      </Stepper>
      <RunLogModal run={logRun} onClose={() => setLogRun(null)} />
    </Paper>
  );
}
