import { ActionIcon, AppShell, Burger, Group, Kbd, Menu, NavLink, Text, TextInput, Tooltip, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { Spotlight, spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useSession, useSignOut } from '../features/auth/hooks';
import { useSystemStatus } from '../features/system/hooks';
import { useTicketEvents } from '../features/tickets/hooks';
import { useNewTicket } from '../features/tickets/NewTicketContext';
import { NewTicketProvider } from '../features/tickets/NewTicketProvider';
import { parseQueueParams, toQueueParams } from '../features/tickets/queueParams';
import { TicketViewsNav } from '../features/tickets/TicketViewsNav';
import { useLocale } from '../i18n/useLocale';
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

function useSignOutWithNotice() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return () =>
    signOut.mutate(undefined, {
      onSuccess: () => notifications.show({ message: t('auth.signedOut') }),
    });
}

function CommandPalette({ onSignOut }: { onSignOut(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const newTicket = useNewTicket();
  const { toggleLocale } = useLocale();
  const { toggleColorScheme } = useMantineColorScheme();
  const session = useSession();
  const canReadParts = session.data?.permissions.includes('parts.read') ?? false;

  const actions: SpotlightActionData[] = [
    ...(newTicket.canCreate
      ? [{ id: 'new-ticket', label: t('spotlight.newTicket'), description: t('spotlight.newTicketDescription'), onClick: newTicket.open }]
      : []),
    { id: 'queue', label: t('spotlight.goToQueue'), description: t('spotlight.goToQueueDescription'), onClick: () => void navigate('/tickets') },
    ...(canReadParts
      ? [{ id: 'parts', label: t('spotlight.goToParts'), description: t('spotlight.goToPartsDescription'), onClick: () => void navigate('/parts') }]
      : []),
    { id: 'language', label: t('spotlight.switchLanguage'), description: t('spotlight.switchLanguageDescription'), onClick: toggleLocale },
    { id: 'dark', label: t('spotlight.toggleDark'), description: t('spotlight.toggleDarkDescription'), onClick: toggleColorScheme },
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

function ShellLayout() {
  const { t } = useTranslation();
  const [navOpened, { toggle: toggleNav }] = useDisclosure(false);
  const location = useLocation();
  const [params] = useSearchParams();
  const status = useSystemStatus();
  const session = useSession();
  const newTicket = useNewTicket();
  const signOut = useSignOutWithNotice();
  useTicketEvents();
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
            <LanguageSwitch />
            <ColorSchemeToggle />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('shell.userMenu')} data-testid="user-menu" px="xs">
                  <Text size="sm" fw={500}>
                    {session.data?.displayName}
                  </Text>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{session.data?.username}</Menu.Label>
                <Menu.Item onClick={signOut} data-testid="sign-out">
                  {t('shell.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <TicketViewsNav role={session.data?.role} />
        {session.data?.permissions.includes('parts.read') ? (
          <NavLink component={Link} to="/parts" label={t('nav.parts')} active={location.pathname.startsWith('/parts')} data-testid="nav-parts" />
        ) : null}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
      <CommandPalette onSignOut={signOut} />
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
