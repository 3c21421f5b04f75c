import { createHashRouter, Navigate } from 'react-router';
import { PartsPage } from '../features/parts/PartsPage';
import { QueuePage } from '../features/tickets/QueuePage';
import { TicketDetailPage } from '../features/tickets/TicketDetailPage';
import { Shell } from './Shell';

// Hash routes: the desktop app loads index.html from file://.
export const router = createHashRouter([
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/tickets" replace /> },
      { path: 'tickets', element: <QueuePage /> },
      { path: 'tickets/:id', element: <TicketDetailPage /> },
      { path: 'parts', element: <PartsPage /> },
      { path: '*', element: <Navigate to="/tickets" replace /> },
    ],
  },
]);
