import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';

/**
 * A remove dialog's two buttons for a listed record: `close` forgets a refusal and closes;
 * `confirm` deletes `item`, says `removedMessage` and closes (a refusal stays in the dialog).
 */
export function removeActions<TData>(
  remove: Pick<UseMutationResult<TData, Error, number>, 'mutate' | 'reset'>,
  item: { id: number } | null,
  removedMessage: string,
  onClose: () => void,
) {
  function close() {
    remove.reset();
    onClose();
  }

  function confirm() {
    if (!item) return;
    remove.mutate(item.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: removedMessage });
        close();
      },
    });
  }

  return { close, confirm };
}
