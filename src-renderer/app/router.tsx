import { createHashRouter, Navigate } from 'react-router';
import { AssignmentRulesPage } from '../features/assignment/AssignmentRulesPage';
import { AuditPage } from '../features/audit/AuditPage';
import { BackupPage } from '../features/backup/BackupPage';
import { CustomerPage } from '../features/customers/CustomerPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { DataPage } from '../features/imports/DataPage';
import { PartsPage } from '../features/parts/PartsPage';
import { ProductsPage } from '../features/products/ProductsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { ReportSchedulesPage } from '../features/reportSchedules/ReportSchedulesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AgreementsPage } from '../features/sla/AgreementsPage';
import { CalendarsPage } from '../features/sla/CalendarsPage';
import { EscalationsPage } from '../features/sla/EscalationsPage';
import { JobRunsPage } from '../features/sla/JobRunsPage';
import { QueuePage } from '../features/tickets/QueuePage';
import { TicketDetailPage } from '../features/tickets/TicketDetailPage';
import { AccountsPage } from '../features/users/AccountsPage';
import { DispatchSheetPage } from '../features/workbench/DispatchSheetPage';
import { WorkbenchPage } from '../features/workbench/WorkbenchPage';
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
      { path: 'tickets/:id/dispatch-sheet', element: <DispatchSheetPage /> },
      { path: 'customers', element: <CustomersPage /> },
      { path: 'customers/:id', element: <CustomerPage /> },
      { path: 'workbench', element: <WorkbenchPage /> },
      { path: 'parts', element: <PartsPage /> },
      { path: 'products', element: <ProductsPage /> },
      { path: 'data', element: <DataPage /> },
      { path: 'assignment', element: <AssignmentRulesPage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: 'users', element: <AccountsPage /> },
      { path: 'backup', element: <BackupPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'dashboard', element: <DashboardPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'report-schedules', element: <ReportSchedulesPage /> },
      { path: 'sla/agreements', element: <AgreementsPage /> },
      { path: 'sla/calendars', element: <CalendarsPage /> },
      { path: 'sla/escalations', element: <EscalationsPage /> },
      { path: 'sla/jobs', element: <JobRunsPage /> },
      { path: '*', element: <Navigate to="/tickets" replace /> },
    ],
  },
]);
