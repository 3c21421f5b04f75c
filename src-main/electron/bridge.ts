import type { Result } from '../../src-shared/errors';

// The IPC names and the shape of `window.serviceloop`, shared by main (ipc.ts) and the
// preload. No imports from 'electron' here: the preload bundle and main both use it.

/** ipcRenderer.invoke → ipcMain.handle: (channel: ChannelName, input: unknown) → Result. */
export const INVOKE_CHANNEL = 'serviceloop:invoke';
/** webContents.send → renderer: (name: EventName, payload). */
export const EVENT_CHANNEL = 'serviceloop:event';

export interface ServiceLoopBridge {
  /** Rejects (without reaching main) when `channel` is not a contract name. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Only EVENT_NAMES; returns the unsubscribe function. */
  on(event: string, callback: (payload: unknown) => void): () => void;
}
