import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Core, Logger } from '../core';
import { CHANNEL_NAMES } from '../../src-shared/contract';
import type { Result } from '../../src-shared/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './bridge';
import { isAppUrl } from './window';

// The IPC bridge: one handler for every contract channel. Each call is checked — sender is
// the top frame of one of our windows showing our own page, channel is a contract name —
// before core.dispatch runs it for the session of that window.

const channels = new Set<string>(CHANNEL_NAMES);

export interface IpcBridge {
  /** Lets this window's page call the core and receive its events. */
  attach(contents: WebContents): void;
  dispose(): void;
}

function refuse(message: string): Result<never> {
  return { ok: false, error: { code: 'FORBIDDEN', message } };
}

export function installIpc(core: Core, logger: Logger): IpcBridge {
  const attached = new Map<number, WebContents>();

  /** Why the call must be refused, or null when it comes from our own page. */
  function senderProblem(event: IpcMainInvokeEvent): string | null {
    const contents = event.sender;
    if (attached.get(contents.id) !== contents) return 'sender is not an app window';
    const frame = event.senderFrame;
    if (!frame) return 'sender frame is gone';
    const main = contents.mainFrame;
    if (frame.parent !== null || frame.processId !== main.processId || frame.routingId !== main.routingId) {
      return 'sender is not the main frame';
    }
    if (!isAppUrl(frame.url)) return 'sender page is not the app';
    return null;
  }

  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown): Promise<Result<unknown>> => {
    const problem = senderProblem(event);
    if (problem) {
      logger.warn('ipc call refused', { reason: problem, url: event.senderFrame?.url ?? null });
      return refuse('This caller may not use the app bridge');
    }
    if (typeof channel !== 'string' || !channels.has(channel)) {
      logger.warn('ipc call to unknown channel', { channel: String(channel) });
      return refuse('Unknown channel');
    }
    return core.dispatch(channel, input, String(event.sender.id));
  });

  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const contents of attached.values()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENT_CHANNEL, name, payload);
    }
  });

  return {
    attach(contents) {
      const id = contents.id;
      attached.set(id, contents);
      contents.once('destroyed', () => {
        attached.delete(id);
        core.dropSession(String(id));
      });
    },
    dispose() {
      unsubscribe();
      ipcMain.removeHandler(INVOKE_CHANNEL);
      for (const id of attached.keys()) core.dropSession(String(id));
      attached.clear();
    },
  };
}
