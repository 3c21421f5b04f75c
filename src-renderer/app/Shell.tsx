import { ActionIcon, AppShell, Burger, Group, Kbd, Menu, NavLink, ScrollArea, Text, TextInput, Tooltip, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { SessionUser } from '../../src-shared/contract';
import type { Permission } from '../../src-shared/domain/roles';
import { OwnAvailability } from '../features/assignment/AvailabilitySwitch';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { useLockSession, useSession, useSignOut } from '../features/auth/hooks';
import { DatabaseProblemAlert } from '../features/backup/DatabaseProblemAlert';
import { useCustomerEvents } from '../features/customers/hooks';
import { SlaAdminNav } from '../features/sla/SlaAdminNav';
import { useSystemStatus } from '../features/system/hooks';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useTicketEvents } from '../features/tickets/hooks';
import { useNewTicket } from '../features/tickets/NewTicketContext';
import { NewTicketProvider } from '../features/tickets/NewTicketProvider';
import { parseQueueParams, toQueueParams } from '../features/tickets/queueParams';
import { TicketViewsNav } from '../features/tickets/TicketViewsNav';
import { useAssignees } from '../features/users/hooks';
import { useLocale } from '../i18n/useLocale';
import { AvailabilityDot } from '../ui/AvailabilityDot';
import { ColorSchemeToggle } from '../ui/ColorSchemeToggle';
import { LanguageSwitch } from '../ui/LanguageSwitch';

function SearchIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

/** Header search: Enter shows the queue filtered by the text (keeping the queue's other filters). */
function GlobalSearch({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [value, setValue] = useState(initial);

  function submit(event: FormEvent) {
    event.preventDefault();
    const filter = location.pathname === '/tickets' ? parseQueueParams(params) : { sort: 'created_desc' as const };
    const next = toQueueParams({ ...filter, text: value.trim() || undefined });
    const query = next.toString();
    void navigate(`/tickets${query ? `?${query}` : ''}`);
  }

  return (
    <form onSubmit={submit} role="search" style={{ flex: 1, maxWidth: 460 }}>
      <TextInput
        aria-label={t('shell.searchLabel')}
        placeholder={t('shell.searchPlaceholder')}
        leftSection={<SearchIcon />}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        data-testid="global-search"
      />
    </form>
  );
}

/** Engineers and service managers own requests: they have a workbench and an availability (在岗 / 暂离). */
function ownsRequests(user: SessionUser | null | undefined): boolean {
  return user?.role === 'engineer' || user?.role === 'supervisor';
}

/** The signed-in engineer's own entry among the assignees (with their availability), if they are one. */
function useOwnAvailability() {
  const session = useSession();
  const owns = ownsRequests(session.data);
  const assignees = useAssignees();
  return owns ? (assignees.data?.find((a) => a.id === session.data?.id) ?? null) : null;
}

function useSignOutWithNotice() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return () =>
    signOut.mutate(undefined, {
      onSuccess: () => notifications.show({ message: t('auth.signedOut') }),
    });
}

function CommandPalette({ onSignOut, onChangePassword, onLock }: { onSignOut(): void; onChangePassword(): void; onLock(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const newTicket = useNewTicket();
  const { toggleLocale } = useLocale();
  const { toggleColorScheme } = useMantineColorScheme();
  const session = useSession();
  const canReadCustomers = session.data?.permissions.includes('customers.read') ?? false;
  const canReadParts = session.data?.permissions.includes('parts.read') ?? false;
  const canManageProducts = session.data?.permissions.includes('products.manage') ?? false;
  const canManageRules = session.data?.permissions.includes('assignment.manage') ?? false;
  const canManageSettings = session.data?.permissions.includes('settings.manage') ?? false;
  const canManageUsers = session.data?.permissions.includes('users.manage') ?? false;
  const canManageBackup = session.data?.permissions.includes('backup.manage') ?? false;
  const canReadAudit = session.data?.permissions.includes('audit.read') ?? false;
  const canScheduleReports = session.data?.permissions.includes('reports.schedule') ?? false;

  const actions: SpotlightActionData[] = [
    ...(newTicket.canCreate
      ? [{ id: 'new-ticket', label: t('spotlight.newTicket'), description: t('spotlight.newTicketDescription'), onClick: newTicket.open }]
      : []),
    ...(ownsRequests(session.data)
      ? [{ id: 'workbench', label: t('spotlight.goToWorkbench'), description: t('spotlight.goToWorkbenchDescription'), onClick: () => void navigate('/workbench') }]
      : []),
    { id: 'queue', label: t('spotlight.goToQueue'), description: t('spotlight.goToQueueDescription'), onClick: () => void navigate('/tickets') },
    ...(canReadCustomers
      ? [{ id: 'customers', label: t('spotlight.goToCustomers'), description: t('spotlight.goToCustomersDescription'), onClick: () => void navigate('/customers') }]
      : []),
    ...(canReadParts
      ? [{ id: 'parts', label: t('spotlight.goToParts'), description: t('spotlight.goToPartsDescription'), onClick: () => void navigate('/parts') }]
      : []),
    ...(canManageProducts
      ? [{ id: 'products', label: t('spotlight.goToProducts'), description: t('spotlight.goToProductsDescription'), onClick: () => void navigate('/products') }]
      : []),
    ...(canManageRules
      ? [{ id: 'assignment', label: t('spotlight.goToAssignment'), description: t('spotlight.goToAssignmentDescription'), onClick: () => void navigate('/assignment') }]
      : []),
    ...(canManageSettings
      ? [{ id: 'settings', label: t('spotlight.goToSettings'), description: t('spotlight.goToSettingsDescription'), onClick: () => void navigate('/settings') }]
      : []),
    ...(canManageUsers
      ? [{ id: 'users', label: t('spotlight.goToUsers'), description: t('spotlight.goToUsersDescription'), onClick: () => void navigate('/users') }]
      : []),
    ...(canManageBackup
      ? [{ id: 'backup', label: t('spotlight.goToBackup'), description: t('spotlight.goToBackupDescription'), onClick: () => void navigate('/backup') }]
      : []),
    ...(canReadAudit
      ? [{ id: 'audit', label: t('spotlight.goToAudit'), description: t('spotlight.goToAuditDescription'), onClick: () => void navigate('/audit') }]
      : []),
    ...(canScheduleReports
      ? [{ id: 'report-schedules', label: t('spotlight.goToReportSchedules'), description: t('spotlight.goToReportSchedulesDescription'), onClick: () => void navigate('/report-schedules') }]
      : []),
    { id: 'language', label: t('spotlight.switchLanguage'), description: t('spotlight.switchLanguageDescription'), onClick: toggleLocale },
    { id: 'dark', label: t('spotlight.toggleDark'), description: t('spotlight.toggleDarkDescription'), onClick: toggleColorScheme },
    { id: 'change-password', label: t('spotlight.changePassword'), description: t('spotlight.changePasswordDescription'), onClick: onChangePassword },
    { id: 'lock', label: t('spotlight.lockNow'), description: t('spotlight.lockNowDescription'), onClick: onLock },
    { id: 'sign-out', label: t('spotlight.signOut'), description: t('spotlight.signOutDescription'), onClick: onSignOut },
  ];

  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K']}
      nothingFound={t('spotlight.nothingFound')}
      highlightQuery
      searchProps={{ placeholder: t('spotlight.placeholder'), leftSection: <SearchIcon /> }}
    />
  );
}

/** 数据导入/导出 (#/data): for holders of data.import or data.export. */
function canUseData(user: SessionUser | null | undefined): boolean {
  return Boolean(user?.permissions.includes('data.import') || user?.permissions.includes('data.export'));
}

/** Catalog and administration pages in the navigation, each for the holders of one permission. */
const PAGES: readonly { path: string; label: string; permission: Permission; testId: string }[] = [
  { path: '/customers', label: 'nav.customers', permission: 'customers.read', testId: 'nav-customers' },
  { path: '/parts', label: 'nav.parts', permission: 'parts.read', testId: 'nav-parts' },
  { path: '/products', label: 'nav.products', permission: 'products.manage', testId: 'nav-products' },
  { path: '/assignment', label: 'nav.assignment', permission: 'assignment.manage', testId: 'nav-assignment' },
  { path: '/dashboard', label: 'dashboard.nav', permission: 'reports.read', testId: 'nav-dashboard' },
  { path: '/reports', label: 'nav.reports', permission: 'reports.read', testId: 'nav-reports' },
  { path: '/report-schedules', label: 'nav.reportSchedules', permission: 'reports.schedule', testId: 'nav-report-schedules' },
  { path: '/settings', label: 'nav.settings', permission: 'settings.manage', testId: 'nav-settings' },
  { path: '/users', label: 'nav.users', permission: 'users.manage', testId: 'nav-users' },
  { path: '/backup', label: 'nav.backup', permission: 'backup.manage', testId: 'nav-backup' },
  { path: '/audit', label: 'nav.audit', permission: 'audit.read', testId: 'nav-audit' },
];

function ShellLayout() {
  const { t } = useTranslation();
  const [navOpened, { toggle: toggleNav }] = useDisclosure(false);
  const location = useLocation();
  const [params] = useSearchParams();
  const status = useSystemStatus();
  const session = useSession();
  const newTicket = useNewTicket();
  const signOut = useSignOutWithNotice();
  const own = useOwnAvailability();
  const lock = useLockSession();
  const [changingPassword, changePassword] = useDisclosure(false);
  useTicketEvents();
  useCustomerEvents();
  useHotkeys([['n', () => newTicket.open()]]);

  const onQueue = location.pathname === '/tickets';
  const urlText = onQueue ? (params.get('text') ?? '') : '';

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap">
          <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNavigation')} />
          <Text fw={700} truncate maw={260} data-testid="company-name">
            {status.data?.companyName ?? t('app.name')}
          </Text>
          <GlobalSearch key={urlText} initial={urlText} />
          <Group gap="xs" ml="auto" wrap="nowrap">
            <Tooltip label={t('shell.commandPalette')}>
              <ActionIcon variant="default" size="lg" onClick={() => spotlight.open()} aria-label={t('shell.commandPalette')} data-testid="open-spotlight">
                <Kbd size="xs">K</Kbd>
              </ActionIcon>
            </Tooltip>
            <NotificationBell />
            <LanguageSwitch />
            <ColorSchemeToggle />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('shell.userMenu')} data-testid="user-menu" px="xs">
                  <Group gap={6} wrap="nowrap">
                    {own ? <AvailabilityDot available={own.available} /> : null}
                    <Text size="sm" fw={500}>
                      {session.data?.displayName}
                    </Text>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session.data?.username}</Menu.Label>
                {own ? (
                  <>
                    <OwnAvailability user={own} />
                    <Menu.Divider />
                  </>
                ) : null}
                <Menu.Item onClick={changePassword.open} data-testid="change-password">
                  {t('shell.changePassword')}
                </Menu.Item>
                <Menu.Item onClick={() => lock.mutate()} data-testid="lock-now">
                  {t('shell.lockNow')}
                </Menu.Item>
                <Menu.Item onClick={signOut} data-testid="sign-out">
                  {t('shell.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        {/* The navigation scrolls on its own: an administrator's is taller than a small screen. */}
        <AppShell.Section grow component={ScrollArea} type="auto" data-testid="nav-scroll">
          {ownsRequests(session.data) ? (
            <NavLink component={Link} to="/workbench" label={t('nav.workbench')} active={location.pathname === '/workbench'} data-testid="nav-workbench" />
          ) : null}
          <TicketViewsNav role={session.data?.role} />
          {PAGES.filter((page) => session.data?.permissions.includes(page.permission)).map((page) => (
            <NavLink key={page.path} component={Link} to={page.path} label={t(page.label)} active={location.pathname.startsWith(page.path)} data-testid={page.testId} />
          ))}
          {canUseData(session.data) ? (
            <NavLink component={Link} to="/data" label={t('nav.data')} active={location.pathname === '/data'} data-testid="nav-data" />
          ) : null}
          <SlaAdminNav />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <DatabaseProblemAlert linkToRestore={session.data?.permissions.includes('backup.manage') ?? false} />
        <Outlet />
      </AppShell.Main>
      <CommandPalette onSignOut={signOut} onChangePassword={changePassword.open} onLock={() => lock.mutate()} />
      <ChangePasswordModal opened={changingPassword} onClose={changePassword.close} />
    </AppShell>
  );
}

/** The signed-in frame: header, navigation, command palette and the new-request modal. */
export function Shell() {
  const session = useSession();
  const canCreate = session.data?.permissions.includes('tickets.create') ?? false;
  return (
    <NewTicketProvider canCreate={canCreate}>
      <ShellLayout />
    </NewTicketProvider>
  );
}
