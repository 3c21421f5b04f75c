import { Badge, Box, NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { Role } from '../../../src-shared/domain/roles';
import type { TicketView } from '../../../src-shared/domain/tickets';
import { useViewCounts } from './hooks';
import { viewPath } from './queueParams';
import { visibleViews } from './viewsForRole';

/** Views whose requests need someone now: their counts stand out (amber: about to breach). */
const COUNT_COLORS: Partial<Record<TicketView, string>> = { locked: 'red', due: 'red', breaching: 'orange', breached: 'red' };

/** "服务请求" (every request) and, under it, one entry per saved view with its count. */
export function TicketViewsNav({ role }: { role: Role | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [params] = useSearchParams();
  const counts = useViewCounts();
  const onQueue = location.pathname === '/tickets';
  const current = onQueue ? params.get('view') : null;

  return (
    <>
      <NavLink
        component={Link}
        to={viewPath(undefined)}
        label={t('nav.tickets')}
        active={location.pathname.startsWith('/tickets') && current === null}
        data-testid="nav-tickets"
      />
      <Box pl="sm" data-testid="nav-views">
        {visibleViews(role).map((view) => {
          const count = counts.data?.[view];
          return (
            <NavLink
              key={view}
              component={Link}
              to={viewPath(view)}
              label={t(`ticket.view.${view}`)}
              active={current === view}
              variant="light"
              data-testid={`nav-view-${view}`}
              rightSection={
                count === undefined ? null : (
                  <Badge size="sm" variant={count > 0 ? 'light' : 'default'} color={COUNT_COLORS[view]} data-testid={`nav-view-count-${view}`}>
                    {count}
                  </Badge>
                )
              }
            />
          );
        })}
      </Box>
    </>
  );
}
