import { RouterProvider } from 'react-router';
import { SignInPage } from '../features/auth/SignInPage';
import { DatabaseProblemAlert } from '../features/backup/DatabaseProblemAlert';
import { useSession, useSessionEvents } from '../features/auth/hooks';
import { SetupPage } from '../features/system/SetupPage';
import { useSystemStatus } from '../features/system/hooks';
import { FullPageError, FullPageLoader } from '../ui/FullPage';
import { router } from './router';

/** First run → setup; no session → sign in; otherwise the routed app. */
export function App() {
  useSessionEvents();
  const status = useSystemStatus();
  const session = useSession();

  if (status.isPending || session.isPending) return <FullPageLoader />;
  if (status.isError) return <FullPageError error={status.error} onRetry={() => void status.refetch()} />;
  if (!status.data.setupDone) return <SetupPage />;
  if (session.isError) return <FullPageError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    return (
      <>
        <DatabaseProblemAlert linkToRestore={false} />
        <SignInPage companyName={status.data.companyName} />
      </>
    );
  }
  return <RouterProvider router={router} />;
}
