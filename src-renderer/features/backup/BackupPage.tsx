import { Alert, Badge, Button, Group, Loader, Modal, NumberInput, Paper, PasswordInput, Progress, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupRun, BackupSettings, RestoreResult } from '../../../src-shared/contract';
import { BACKUP_PASSPHRASE_MIN } from '../../../src-shared/contract/backup';
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/time';
import { api, ApiError } from '../../api';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { useLocale } from '../../i18n/useLocale';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormError } from '../../ui/FormError';
import { saveErrors } from '../../ui/formErrors';
import { useSession } from '../auth/hooks';
import { useDeskSettings } from '../settings/hooks';
import { countsText, formatBytes, formatDeskTime, percent } from './format';
import { useBackupJob, useBackups, useBackupSettings, useRestore, useSaveBackupSettings } from './hooks';

type Field = 'folder' | 'timeOfDay' | 'keepDaily' | 'keepWeekly' | 'keepMonthly' | 'passphrase' | 'confirm';
const FIELDS: readonly Field[] = ['folder', 'timeOfDay', 'keepDaily', 'keepWeekly', 'keepMonthly', 'passphrase'];
const LIMITS: Record<'keepDaily' | 'keepWeekly' | 'keepMonthly', { min: number; max: number; suffix: string }> = {
  keepDaily: { min: 1, max: 366, suffix: 'backup.daysSuffix' },
  keepWeekly: { min: 0, max: 520, suffix: 'backup.weeksSuffix' },
  keepMonthly: { min: 0, max: 1200, suffix: 'backup.monthsSuffix' },
};

function fieldOf(path: string): Field | null {
  return (FIELDS as readonly string[]).includes(path) ? (path as Field) : null;
}

function useDeskTimeZone(): string {
  return useDeskSettings().data?.timeZone ?? DEFAULT_TIME_ZONE;
}

function SettingsForm({ settings }: { settings: BackupSettings }) {
  const { t } = useTranslation();
  const timeZone = useDeskTimeZone();
  const save = useSaveBackupSettings();
  const [folder, setFolder] = useState(settings.folder === settings.defaultFolder ? '' : settings.folder);
  const [enabled, setEnabled] = useState(settings.enabled);
  const [timeOfDay, setTimeOfDay] = useState(settings.timeOfDay);
  const [keep, setKeep] = useState<Record<keyof typeof LIMITS, number | string>>({ keepDaily: settings.keepDaily, keepWeekly: settings.keepWeekly, keepMonthly: settings.keepMonthly });
  const [encrypt, setEncrypt] = useState(settings.encrypted);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  const { server, general } = saveErrors(t, save.error, (tr, error) => fieldErrors(tr, error, fieldOf));
  const errors = { ...server, ...local };
  // Turning encryption on needs a passphrase; while on, a new one may replace it.
  const needsPassphrase = encrypt && !settings.encrypted;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems: Partial<Record<Field, string>> = {};
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(timeOfDay)) problems.timeOfDay = t('validation.timeOfDay');
    const counts: Partial<Record<keyof typeof LIMITS, number>> = {};
    for (const key of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
      const n = Number(keep[key]);
      const { min, max } = LIMITS[key];
      if (keep[key] === '' || !Number.isInteger(n) || n < min || n > max) problems[key] = t('backup.countRange', { min, max });
      else counts[key] = n;
    }
    if (encrypt && (needsPassphrase || passphrase !== '')) {
      if (passphrase.length < BACKUP_PASSPHRASE_MIN) problems.passphrase = t('backup.passphraseTooShort', { min: BACKUP_PASSPHRASE_MIN });
      else if (confirm !== passphrase) problems.confirm = t('backup.passphraseMismatch');
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const encryption = encrypt && passphrase !== '' ? { passphrase } : !encrypt && settings.encrypted ? { passphrase: null } : {};
    save.mutate(
      { folder: folder.trim(), enabled, timeOfDay, ...counts, ...encryption },
      {
        onSuccess: (saved) => {
          setFolder(saved.folder === saved.defaultFolder ? '' : saved.folder);
          setEncrypt(saved.encrypted);
          setPassphrase('');
          setConfirm('');
          notifications.show({ color: 'teal', message: t('backup.saved') });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="backup-settings-form">
      <Stack gap="sm">
        <Title order={4}>{t('backup.settingsTitle')}</Title>
        <FormError message={general} testId="backup-settings-error" />
        <TextInput
          label={t('backup.folder')}
          description={t('backup.folderHint', { folder: settings.defaultFolder })}
          name="folder"
          value={folder}
          placeholder={settings.defaultFolder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          error={errors.folder}
          data-testid="backup-folder"
        />
        <Group gap="md" align="flex-end">
          <Switch label={t('backup.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} data-testid="backup-enabled" mb={8} />
          <TextInput
            label={t('backup.timeOfDay')}
            description={t('backup.timeOfDayHint', { timeZone })}
            name="timeOfDay"
            type="time"
            value={timeOfDay}
            onChange={(e) => setTimeOfDay(e.currentTarget.value)}
            error={errors.timeOfDay}
            w={220}
            data-testid="backup-time"
          />
        </Group>
        <Group gap="md" align="flex-start">
          {(Object.keys(LIMITS) as (keyof typeof LIMITS)[]).map((key) => (
            <NumberInput
              key={key}
              label={t(`backup.${key}`)}
              name={key}
              min={LIMITS[key].min}
              max={LIMITS[key].max}
              allowDecimal={false}
              allowNegative={false}
              suffix={t(LIMITS[key].suffix)}
              value={keep[key]}
              onChange={(value) => setKeep((k) => ({ ...k, [key]: value }))}
              error={errors[key]}
              w={180}
              data-testid={`backup-${key}`}
            />
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          {t('backup.retentionHint')}
        </Text>
        <Switch label={t('backup.encryption')} description={t('backup.encryptionHint')} checked={encrypt} onChange={(e) => setEncrypt(e.currentTarget.checked)} data-testid="backup-encrypt" />
        {encrypt ? (
          <Group gap="md" align="flex-start">
            <PasswordInput
              label={needsPassphrase ? t('backup.passphrase') : t('backup.passphraseNew')}
              name="passphrase"
              required={needsPassphrase}
              autoComplete="new-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.currentTarget.value)}
              error={errors.passphrase}
              w={300}
              data-testid="backup-passphrase"
            />
            <PasswordInput
              label={t('backup.passphraseConfirm')}
              name="confirm"
              required={needsPassphrase}
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={errors.confirm}
              w={300}
              data-testid="backup-passphrase-confirm"
            />
          </Group>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="backup-settings-submit">
            {t('backup.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function VerifiedBadge({ backup }: { backup: BackupInfo }) {
  const { t } = useTranslation();
  if (!backup.sizeOk) return <Badge color="red">{t('backup.sizeChanged')}</Badge>;
  const encrypted = backup.encrypted ? (
    <Badge color="indigo" variant="light" data-testid="backup-encrypted">
      {t('backup.encrypted')}
    </Badge>
  ) : null;
  return (
    <Group gap={4} wrap="nowrap">
      <VerifiedState backup={backup} />
      {encrypted}
    </Group>
  );
}

function VerifiedState({ backup }: { backup: BackupInfo }) {
  const { t } = useTranslation();
  return backup.verified ? (
    <Badge color="teal" variant="light" data-testid="backup-verified">
      {t('backup.verified')}
    </Badge>
  ) : (
    <Badge color="gray" variant="light">
      {t('backup.unverified')}
    </Badge>
  );
}

/** Waits for the restarted app to answer, then loads the page afresh (sessions ended: sign in again). */
function useReloadWhenBack(restarting: boolean) {
  useEffect(() => {
    if (!restarting) return undefined;
    let stopped = false;
    const started = Date.now();
    const poll = () => {
      if (stopped) return;
      void api.system.status({}).then(
        () => {
          if (Date.now() - started > 1500) window.location.reload();
          else setTimeout(poll, 500);
        },
        () => setTimeout(poll, 500),
      );
    };
    setTimeout(poll, 1000);
    return () => {
      stopped = true;
    };
  }, [restarting]);
}

function RestoreModal({ backup, onClose, onRestored }: { backup: BackupInfo; onClose(): void; onRestored(result: RestoreResult): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const timeZone = useDeskTimeZone();
  const restore = useRestore();
  const [passphrase, setPassphrase] = useState('');
  const date = formatDeskTime(backup.takenAt, locale, timeZone);
  return (
    <Modal opened onClose={restore.isPending ? () => {} : onClose} title={t('backup.restoreTitle')} size="lg" data-testid="restore-modal">
      <Stack gap="sm">
        <Text fw={600} data-testid="restore-date">
          {date}
        </Text>
        <Text size="sm">
          {t('backup.restoreContents')}: <span data-testid="restore-counts">{countsText(t, backup.counts, locale)}</span>
        </Text>
        <Alert color="orange" variant="light">
          {t('backup.restoreWarning', { date })}
        </Alert>
        {backup.encrypted ? (
          <PasswordInput
            label={t('backup.restorePassphrase')}
            description={t('backup.restorePassphraseHint')}
            name="passphrase"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            data-testid="restore-passphrase"
          />
        ) : null}
        <ErrorAlert error={restore.error} testId="restore-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={restore.isPending} data-testid="restore-cancel">
            {t('app.cancel')}
          </Button>
          <Button color="red" loading={restore.isPending} onClick={() => restore.mutate({ file: backup.file, ...(passphrase ? { passphrase } : {}) }, { onSuccess: onRestored })} data-testid="restore-submit">
            {t('backup.restoreSubmit')}
          </Button>
        </Group>
        {restore.isPending ? (
          <Text size="sm" c="dimmed">
            {t('backup.restoring')}
          </Text>
        ) : null}
      </Stack>
    </Modal>
  );
}

function BackupRow({ backup, onRestore }: { backup: BackupInfo; onRestore(b: BackupInfo): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const timeZone = useDeskTimeZone();
  return (
    <Table.Tr data-testid="backup-row" data-file={backup.file} data-kind={backup.kind}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDeskTime(backup.takenAt, locale, timeZone)}</Table.Td>
      <Table.Td>{t(`backup.kind.${backup.kind}`)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(backup.bytes, locale)}</Table.Td>
      <Table.Td data-testid="backup-counts">
        <Text size="sm">{countsText(t, backup.counts, locale)}</Text>
      </Table.Td>
      <Table.Td>
        <VerifiedBadge backup={backup} />
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" variant="light" color="red" onClick={() => onRestore(backup)} data-testid="backup-restore">
          {t('backup.restore')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function RunRow({ run }: { run: BackupRun }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const timeZone = useDeskTimeZone();
  return (
    <Table.Tr data-testid="backup-run-row" data-outcome={run.outcome ?? 'running'}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDeskTime(run.startedAt, locale, timeZone)}</Table.Td>
      <Table.Td>{t(`backup.runKind.${run.kind}`)}</Table.Td>
      <Table.Td>
        <Badge color={run.outcome === 'failed' ? 'red' : run.outcome === 'ok' ? 'teal' : 'blue'} variant={run.outcome === 'failed' ? 'filled' : 'light'}>
          {t(`jobs.outcome.${run.outcome ?? 'running'}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {run.error ? (
          <Text size="sm" c="red" data-testid="backup-run-error">
            {t(`backup.reason.${run.error}`, { defaultValue: t('backup.reason.internal') })}
          </Text>
        ) : run.removed > 0 ? (
          <Text size="sm" c="dimmed">
            {t('backup.removed', { count: run.removed })}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function Restarting({ result }: { result: RestoreResult }) {
  const { t } = useTranslation();
  useReloadWhenBack(result.restarting);
  return (
    <Paper withBorder p="xl" data-testid="backup-restarting">
      <Group gap="md">
        {result.restarting ? <Loader size="sm" /> : null}
        <Text fw={600}>{result.restarting ? t('backup.restarting') : t('backup.restartYourself')}</Text>
      </Group>
    </Paper>
  );
}

/** 备份与恢复 (#/backup): settings, 立即备份 with progress, the backups with their counts, restore. Administrators only. */
export function BackupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const allowed = session.data?.permissions.includes('backup.manage') ?? false;
  const settings = useBackupSettings();
  const list = useBackups();
  const { job, run } = useBackupJob(list.data?.running ?? null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const [announced, setAnnounced] = useState<string | null>(null);

  useEffect(() => {
    if (!job || job.state === 'running' || announced === job.jobId) return;
    setAnnounced(job.jobId);
    notifications.show(
      job.state === 'done'
        ? { color: 'teal', message: t('backup.done') }
        : { color: 'red', message: t('backup.failed', { reason: t(`backup.reason.${job.error ?? 'internal'}`, { defaultValue: t('backup.reason.internal') }) }) },
    );
  }, [job, announced, t]);

  if (!allowed) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'backup.manage needed' })} />;
  if (restored) return <Restarting result={restored} />;

  const running = job?.state === 'running';
  const backups = list.data?.backups ?? [];
  const runs = list.data?.runs ?? [];
  return (
    <Stack gap="md" maw={1200} data-testid="backup-page">
      <Group justify="space-between">
        <Title order={2}>{t('backup.title')}</Title>
        <Button onClick={() => run.mutate()} loading={run.isPending} disabled={running} data-testid="backup-run">
          {t('backup.runNow')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('backup.explanation')}
      </Text>
      {run.error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(t, run.error)}
        </Alert>
      ) : null}
      {running && job ? (
        <Stack gap={4} data-testid="backup-progress">
          <Text size="sm">{t('backup.progress', { percent: percent(job.done, job.total) })}</Text>
          <Progress value={percent(job.done, job.total)} animated />
        </Stack>
      ) : null}
      <Paper withBorder p="md">
        <ErrorAlert error={settings.error} />
        {settings.data ? <SettingsForm settings={settings.data} /> : <Loader size="sm" aria-label={t('app.loading')} />}
      </Paper>
      <Group justify="space-between">
        <div>
          <Title order={4}>{t('backup.listTitle')}</Title>
          {list.data ? (
            <Text size="xs" c="dimmed" data-testid="backup-list-folder">
              {t('backup.folderNow', { folder: list.data.folder })}
            </Text>
          ) : null}
        </div>
        <Button variant="default" onClick={() => void list.refetch()} loading={list.isFetching && !list.isPending} data-testid="backup-refresh">
          {t('backup.refresh')}
        </Button>
      </Group>
      <ErrorAlert error={list.error} />
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder striped data-testid="backup-table">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>{t('backup.column.takenAt')}</Table.Th>
              <Table.Th>{t('backup.column.kind')}</Table.Th>
              <Table.Th>{t('backup.column.size')}</Table.Th>
              <Table.Th>{t('backup.column.counts')}</Table.Th>
              <Table.Th>{t('backup.column.verified')}</Table.Th>
              <Table.Th>{t('backup.column.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <BackupRow key={b.file} backup={b} onRestore={setRestoring} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {list.isSuccess && backups.length === 0 ? (
        <Text c="dimmed" ta="center" p="md" data-testid="backup-empty">
          {t('backup.empty')}
        </Text>
      ) : null}
      <Title order={4}>{t('backup.runsTitle')}</Title>
      {runs.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('backup.runsEmpty')}
        </Text>
      ) : (
        <Table withTableBorder data-testid="backup-runs">
          <Table.Thead style={{ whiteSpace: 'nowrap' }}>
            <Table.Tr>
              <Table.Th>{t('jobs.started')}</Table.Th>
              <Table.Th>{t('jobs.job')}</Table.Th>
              <Table.Th>{t('jobs.outcomeLabel')}</Table.Th>
              <Table.Th>{t('jobs.summary')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.map((r) => (
              <RunRow key={r.id} run={r} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {restoring ? <RestoreModal backup={restoring} onClose={() => setRestoring(null)} onRestored={setRestored} /> : null}
    </Stack>
  );
}
