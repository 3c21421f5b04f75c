import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Permission } from '../../../src-shared/domain/roles';
import { useSession } from '../auth/hooks';

const LINKS: { to: string; label: string; testId: string; permission: Permission }[] = [
  { to: '/sla/agreements', label: 'nav.slaAgreements', testId: 'nav-sla-agreements', permission: 'sla.manage' },
  { to: '/sla/calendars', label: 'nav.slaCalendars', testId: 'nav-sla-calendars', permission: 'sla.manage' },
  { to: '/sla/escalations', label: 'nav.slaEscalations', testId: 'nav-sla-escalations', permission: 'sla.manage' },
  { to: '/sla/jobs', label: 'nav.jobs', testId: 'nav-jobs', permission: 'jobs.read' },
];

/** The navigation's SLA administration entries, each shown only to roles that hold its permission. */
export function SlaAdminNav() {
  const { t } = useTranslation();
  const location = useLocation();
  const permissions = useSession().data?.permissions ?? [];
  return (
    <>
      {LINKS.filter((l) => permissions.includes(l.permission)).map((l) => (
        <NavLink key={l.to} component={Link} to={l.to} label={t(l.label)} active={location.pathname.startsWith(l.to)} data-testid={l.testId} />
      ))}
    </>
  );
}
