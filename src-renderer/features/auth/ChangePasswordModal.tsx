import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useSession } from './hooks';

/** 修改密码 from the user menu: the same form as the forced change, in a modal. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Modal opened={opened} onClose={onClose} title={t('changePassword.title')} trapFocus>
      {opened && session.data ? (
        <ChangePasswordForm
          user={session.data}
          onCancel={onClose}
          onDone={() => {
            onClose();
            notifications.show({ color: 'teal', message: t('changePassword.done') });
          }}
        />
      ) : null}
    </Modal>
  );
}
