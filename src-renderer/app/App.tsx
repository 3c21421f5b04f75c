// From react-router/dom: navigations asked for with flushSync (queue and customer filters) render at once.
import { RouterProvider } from 'react-router/dom';
import type { SessionUser } from '../../src-shared/contract';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LockScreen } from '../features/auth/LockScreen';
import { SignInPage } from '../features/auth/SignInPage';
import { DatabaseProblemAlert } from '../features/backup/DatabaseProblemAlert';
import { useLockSession, useSession, useSessionEvents } from '../features/auth/hooks';
import { useIdleLock } from '../features/auth/useIdleLock';
import { useDeskSettings } from '../features/settings/hooks';
import { SetupPage } from '../features/system/SetupPage';
import { useSystemStatus } from '../features/system/hooks';
import { FullPageError, FullPageLoader } from '../ui/FullPage';
import { router } from './router';

/**
 * The routed app for a signed-in user. After the desk's idle time without input the window
 * locks: the lock screen covers the app, which stays mounted (inert) underneath, so work in
 * progress survives until the password unlocks it.
 */
function SignedInApp({ user }: { user: SessionUser }) {
  const lock = useLockSession();
  const settings = useDeskSettings(!user.locked);
  useIdleLock(settings.data?.idleLockMinutes, !user.locked && !lock.isPending, () => lock.mutate());
  return (
    <>
      <div inert={user.locked} data-testid="app-root">
        <RouterProvider router={router} />
      </div>
      {user.locked ? <LockScreen user={user} /> : null}
    </>
  );
}

/** First run → setup; no session → sign in; a password to change → only that; otherwise the routed app. */
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
  if (session.data.mustChangePassword) return <ChangePasswordPage user={session.data} />;
  return <SignedInApp user={session.data} />;
}
