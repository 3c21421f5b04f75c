import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { INVOKE_CHANNEL, EVENT_CHANNEL, type ServiceLoopBridge } from '../bridge';

// CHANNEL_NAMES and EVENT_NAMES from src-shared, written in by electron.vite.config.ts
// (`define`) at build time so the sandboxed preload does not bundle zod and the schemas.
declare const __SERVICELOOP_CHANNEL_NAMES__: readonly string[];
declare const __SERVICELOOP_EVENT_NAMES__: readonly string[];

// The only door between the page and main: `window.serviceloop.invoke / on`, for contract
// names only. ipcRenderer itself never reaches the page. Main checks everything again
// (sender frame, channel name, input schema, permission); this list is a first gate.

const channels = new Set<string>(__SERVICELOOP_CHANNEL_NAMES__);
const events = new Set<string>(__SERVICELOOP_EVENT_NAMES__);

const bridge: ServiceLoopBridge = {
  invoke(channel, input) {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return Promise.reject(new Error(`Unknown channel: ${String(channel)}`));
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input);
  },
  on(event, callback) {
    if (typeof event !== 'string' || !events.has(event)) throw new Error(`Unknown event: ${String(event)}`);
    if (typeof callback !== 'function') throw new TypeError('callback must be a function');
    const listener = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) callback(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
};

contextBridge.exposeInMainWorld('serviceloop', bridge);
